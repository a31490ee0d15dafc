/* tandem-item-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-checklist-item.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ITEM_EDITOR (tandem_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (TandemItemEditor, tandem_item_editor, TANDEM, ITEM_EDITOR, AdwBin)

GtkWidget           *tandem_item_editor_new          (void);
TandemChecklistItem *tandem_item_editor_get_item     (TandemItemEditor    *self);
void                 tandem_item_editor_set_item     (TandemItemEditor    *self,
                                                      TandemChecklistItem *item);
void                 tandem_item_editor_focus_status (TandemItemEditor    *self);
gboolean             tandem_item_editor_attach_bytes (TandemItemEditor    *self,
                                                      const char          *name,
                                                      GBytes              *bytes,
                                                      GError             **error);
void                 tandem_item_editor_attach_file  (TandemItemEditor    *self,
                                                      GFile               *file);
gboolean             tandem_item_editor_link_target  (TandemItemEditor    *self,
                                                      TandemObject        *target);

G_END_DECLS
