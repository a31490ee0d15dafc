/* tandem-binding.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-object.h"

G_BEGIN_DECLS

void tandem_bind_editable   (GtkEditable  *editable,
                             TandemObject *object,
                             const char   *property,
                             const char   *undo_label);
void tandem_bind_text_view  (GtkTextView  *text_view,
                             TandemObject *object,
                             const char   *property,
                             const char   *undo_label);
void tandem_bind_switch     (GtkSwitch    *toggle,
                             TandemObject *object,
                             const char   *property,
                             const char   *undo_label);
void tandem_bind_combo_enum (AdwComboRow  *row,
                             TandemObject *object,
                             const char   *property,
                             const char   *undo_label);
void tandem_unbind          (GtkWidget    *widget);

void tandem_set_property_undoable (TandemObject *object,
                                   const char   *property,
                                   const GValue *value,
                                   const char   *undo_label,
                                   gboolean      merge);

G_END_DECLS
