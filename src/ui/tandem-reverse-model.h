/* tandem-reverse-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_REVERSE_MODEL (tandem_reverse_model_get_type ())

G_DECLARE_FINAL_TYPE (TandemReverseModel, tandem_reverse_model, TANDEM, REVERSE_MODEL, GObject)

TandemReverseModel *tandem_reverse_model_new (GListModel *model);

G_END_DECLS
