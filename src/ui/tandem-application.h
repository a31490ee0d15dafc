/* tandem-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_APPLICATION (tandem_application_get_type ())

G_DECLARE_FINAL_TYPE (TandemApplication, tandem_application, TANDEM, APPLICATION, AdwApplication)

TandemApplication *tandem_application_new            (void);
void               tandem_application_open_file      (TandemApplication *self,
                                                      GFile             *file);
gboolean           tandem_application_is_opening     (TandemApplication *self);
GtkWindow         *tandem_application_new_window     (TandemApplication *self);
void               tandem_application_check_recovery (TandemApplication *self);
void               tandem_application_add_recent     (TandemApplication *self,
                                                      GFile             *file);
GMenuModel        *tandem_application_get_recent_menu (TandemApplication *self);
GtkFileFilter     *tandem_application_new_file_filter (void);

G_END_DECLS
