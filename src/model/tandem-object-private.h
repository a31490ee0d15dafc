/* tandem-object-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"

G_BEGIN_DECLS

/* Setters of every model class go through these: they change the field only when the value
 * differs, record the old and new values in the document's open transaction (so undo and redo
 * are generic) and emit notify. They return TRUE when the value changed. */
gboolean _tandem_object_set_string  (TandemObject  *self,
                                     char         **field,
                                     const char    *value,
                                     GParamSpec    *pspec);
gboolean _tandem_object_set_int     (TandemObject  *self,
                                     int           *field,
                                     int            value,
                                     GParamSpec    *pspec);
gboolean _tandem_object_set_enum    (TandemObject  *self,
                                     int           *field,
                                     int            value,
                                     GParamSpec    *pspec);
gboolean _tandem_object_set_double  (TandemObject  *self,
                                     double        *field,
                                     double         value,
                                     GParamSpec    *pspec);
gboolean _tandem_object_set_boolean (TandemObject  *self,
                                     gboolean      *field,
                                     gboolean       value,
                                     GParamSpec    *pspec);

void     _tandem_object_attach      (TandemObject   *self,
                                     TandemDocument *document,
                                     TandemObject   *parent);
void     _tandem_object_detach      (TandemObject   *self);
void     _tandem_object_set_document (TandemObject  *self,
                                     TandemDocument *document);

void     _tandem_object_load_field  (TandemObject   *self,
                                     GParamSpec     *pspec,
                                     const GValue   *value);
void     _tandem_object_take_field  (TandemObject   *self,
                                     GParamSpec     *pspec,
                                     GValue         *value);
const GValue *_tandem_object_peek_field (TandemObject *self,
                                        GParamSpec   *pspec);
void     _tandem_object_register_list (TandemObject *self,
                                       TandemList   *list);

typedef void (*TandemObjectFunc) (TandemObject *object,
                                  gpointer      user_data);

void     _tandem_object_foreach     (TandemObject     *self,
                                     TandemObjectFunc  func,
                                     gpointer          user_data);

G_END_DECLS
