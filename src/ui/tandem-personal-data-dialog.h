/* tandem-personal-data-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"

G_BEGIN_DECLS

typedef void (*TandemPersonalDataProceed) (GtkWidget *widget);

void tandem_personal_data_confirm (GtkWidget                 *widget,
                                   TandemDocument            *document,
                                   TandemObject              *scope,
                                   const char                *proceed_label,
                                   TandemPersonalDataProceed  proceed);

G_END_DECLS
