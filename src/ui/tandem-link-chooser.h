/* tandem-link-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-document.h"

G_BEGIN_DECLS

/* What a chooser offers. */
typedef enum
{
  TANDEM_LINK_KIND_ACTIVITY = 1 << 0,
  TANDEM_LINK_KIND_GROUP = 1 << 1,
  TANDEM_LINK_KIND_THEME = 1 << 2,
  TANDEM_LINK_KIND_STEP = 1 << 3,        /* steps of before and after maps */
  TANDEM_LINK_KIND_AFTER_STEP = 1 << 4,  /* steps of after maps only */
  TANDEM_LINK_KIND_QUOTE = 1 << 5,
} TandemLinkKinds;

#define TANDEM_TYPE_LINK_CHOOSER (tandem_link_chooser_get_type ())

G_DECLARE_FINAL_TYPE (TandemLinkChooser, tandem_link_chooser, TANDEM, LINK_CHOOSER, GtkPopover)

GtkWidget  *tandem_link_chooser_new          (TandemLinkKinds    kinds,
                                              const char        *placeholder);
void        tandem_link_chooser_set_document (TandemLinkChooser *self,
                                              TandemDocument    *document);
GtkWidget  *tandem_link_chooser_get_search   (TandemLinkChooser *self);

char       *tandem_link_target_dup_title     (TandemObject      *target);
const char *tandem_link_target_kind_label    (TandemObject      *target);
const char *tandem_link_target_icon_name     (TandemObject      *target);
gboolean    tandem_link_target_check_quote   (TandemObject      *target,
                                              GError           **error);
char       *tandem_link_describe_removal     (TandemDocument    *document,
                                              GPtrArray         *objects);
void        tandem_link_target_open          (GtkWidget         *from,
                                              TandemObject      *target);

G_END_DECLS
