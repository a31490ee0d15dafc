/* tandem-object.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-types.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_OBJECT (tandem_object_get_type ())

G_DECLARE_DERIVABLE_TYPE (TandemObject, tandem_object, TANDEM, OBJECT, GObject)

/**
 * TandemObjectClass:
 * @validate: checks what a single field cannot: references between objects, ordering
 *   rules. Called on every object after a document is read from a file or from JSON, with
 *   the whole document in place. Set @error to a sentence a user can act on.
 */
struct _TandemObjectClass
{
  GObjectClass parent_class;

  gboolean (*validate) (TandemObject  *self,
                        GError       **error);

  /*< private >*/
  const char *kind;
  GPtrArray  *fields;
  guint       n_generic;  /* properties kept by TandemObject for the class, 0 if none */
  GParamSpec **generic;   /* indexed by property id */
  gpointer    padding[6];
};

const char      *tandem_object_get_id            (TandemObject       *self);
TandemDocument  *tandem_object_get_document      (TandemObject       *self);
TandemObject    *tandem_object_get_parent        (TandemObject       *self);
const char      *tandem_object_get_kind          (TandemObject       *self);
gboolean         tandem_object_validate          (TandemObject       *self,
                                                  GError            **error);
gboolean         tandem_object_is_ancestor       (TandemObject       *self,
                                                  TandemObject       *descendant);

const char      *tandem_object_get_string        (TandemObject       *self,
                                                  GParamSpec         *pspec);
int              tandem_object_get_int           (TandemObject       *self,
                                                  GParamSpec         *pspec);
int              tandem_object_get_enum          (TandemObject       *self,
                                                  GParamSpec         *pspec);
double           tandem_object_get_double        (TandemObject       *self,
                                                  GParamSpec         *pspec);
gboolean         tandem_object_get_boolean       (TandemObject       *self,
                                                  GParamSpec         *pspec);
TandemList      *tandem_object_get_list          (TandemObject       *self,
                                                  GParamSpec         *pspec);
char            *tandem_object_dup_string_field  (TandemObject       *self,
                                                  GParamSpec         *pspec);
TandemList      *tandem_object_peek_list         (TandemObject       *self,
                                                  GParamSpec         *pspec);
void             tandem_object_set_string        (TandemObject       *self,
                                                  GParamSpec         *pspec,
                                                  const char         *value);
void             tandem_object_set_int           (TandemObject       *self,
                                                  GParamSpec         *pspec,
                                                  int                 value);
void             tandem_object_set_enum          (TandemObject       *self,
                                                  GParamSpec         *pspec,
                                                  int                 value);
void             tandem_object_set_double        (TandemObject       *self,
                                                  GParamSpec         *pspec,
                                                  double              value);
void             tandem_object_set_boolean       (TandemObject       *self,
                                                  GParamSpec         *pspec,
                                                  gboolean            value);

void             tandem_object_class_set_kind    (TandemObjectClass  *klass,
                                                  const char         *kind);
const char      *tandem_object_class_get_kind    (TandemObjectClass  *klass);
void             tandem_object_class_install_fields (TandemObjectClass *klass,
                                                  guint               n_pspecs,
                                                  GParamSpec        **pspecs);
GParamSpec     **tandem_object_class_list_fields (TandemObjectClass  *klass,
                                                  guint              *n_fields);

GParamSpec      *tandem_param_field              (GParamSpec         *pspec,
                                                  TandemFieldKind     kind);
GParamSpec      *tandem_param_children           (const char         *name,
                                                  const char         *nick,
                                                  GType               child_type);
TandemFieldKind  tandem_param_get_field_kind     (GParamSpec         *pspec);
GType            tandem_param_get_child_type     (GParamSpec         *pspec);
gsize            tandem_field_kind_max_length    (TandemFieldKind     kind);
gboolean         tandem_field_check_text         (GParamSpec         *pspec,
                                                  const char         *text,
                                                  GError            **error);

G_END_DECLS
