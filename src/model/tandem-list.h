/* tandem-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_LIST (tandem_list_get_type ())

G_DECLARE_FINAL_TYPE (TandemList, tandem_list, TANDEM, LIST, GObject)

TandemList   *tandem_list_new            (TandemObject *owner,
                                          GType         item_type);
TandemObject *tandem_list_get_owner      (TandemList   *self);
GType         tandem_list_get_item_type  (TandemList   *self);
guint         tandem_list_get_n          (TandemList   *self);
gpointer      tandem_list_get            (TandemList   *self,
                                          guint         position);
void          tandem_list_insert         (TandemList   *self,
                                          guint         position,
                                          gpointer      object);
void          tandem_list_append         (TandemList   *self,
                                          gpointer      object);
void          tandem_list_remove         (TandemList   *self,
                                          guint         position);
gboolean      tandem_list_remove_object  (TandemList   *self,
                                          gpointer      object);
void          tandem_list_move           (TandemList   *self,
                                          guint         from,
                                          guint         to);
int           tandem_list_index_of       (TandemList   *self,
                                          gpointer      object);
gpointer      tandem_list_find           (TandemList   *self,
                                          const char   *id);

G_END_DECLS
