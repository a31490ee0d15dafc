/* tandem-object.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-object"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tandem-document-private.h"
#include "tandem-list-private.h"
#include "tandem-object-private.h"

/*
 * TandemObject is the base of every model object: a stable id, the document it belongs to,
 * its parent, and a class-level list of "fields", the properties that are saved. The storage
 * layer reads and writes fields generically, so a new model class is saved, exported to JSON
 * and checked on open by declaring its fields, without new storage code.
 */

typedef struct
{
  char           *id;
  TandemDocument *document;  /* not owned; cleared when the document goes away */
  TandemObject   *parent;    /* not owned; the parent owns us through a TandemList */
  GPtrArray      *lists;     /* TandemList*, not owned (owned by subclass fields) */
  GValue         *values;    /* generic fields, indexed by property id */
} TandemObjectPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TandemObject, tandem_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark field_kind_quark;
static GQuark child_type_quark;

/* Auxiliary methods */

static void
record_change (TandemObject *self,
               GParamSpec   *pspec,
               GValue       *old_value,
               GValue       *new_value)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  if (priv->document != NULL)
    _tandem_document_record_property (priv->document, self, pspec, old_value, new_value);
}

static gboolean
wants_record (TandemObject *self)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  return priv->document != NULL && !_tandem_document_is_loading (priv->document);
}

/* Virtual methods */

static gboolean
tandem_object_real_validate (TandemObject  *self,
                             GError       **error)
{
  return TRUE;
}

static void
tandem_object_finalize (GObject *object)
{
  TandemObject *self = (TandemObject *)object;
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->lists, g_ptr_array_unref);

  if (priv->values != NULL)
    {
      guint n = TANDEM_OBJECT_GET_CLASS (self)->n_generic;

      for (guint i = 0; i < n; i++)
        {
          if (G_IS_VALUE (&priv->values[i]))
            g_value_unset (&priv->values[i]);
        }
      g_clear_pointer (&priv->values, g_free);
    }

  G_OBJECT_CLASS (tandem_object_parent_class)->finalize (object);
}

static void
tandem_object_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TandemObject *self = TANDEM_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, tandem_object_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_object_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TandemObject *self = TANDEM_OBJECT (object);
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      if (priv->id == NULL || priv->id[0] == '\0')
        {
          g_free (priv->id);
          priv->id = g_uuid_string_random ();
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Generic fields: classes that call tandem_object_class_use_generic_fields() keep their
 * properties in an array of GValues here, so that a model class is its field declarations
 * and a few typed accessors, with no hand-written storage, get_property or set_property. */

static GValue *
generic_value (TandemObject *self,
               GParamSpec   *pspec)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  g_assert (priv->values != NULL && pspec->param_id < TANDEM_OBJECT_GET_CLASS (self)->n_generic);

  return &priv->values[pspec->param_id];
}

static GValue *value_for (TandemObject *self,
                          GParamSpec   *pspec);

static void
tandem_object_generic_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  /* Values and lists are made on first use, so a new object may not have them yet. */
  g_value_copy (value_for (TANDEM_OBJECT (object), pspec), value);
}

static void
tandem_object_generic_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemObject *self = TANDEM_OBJECT (object);
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    tandem_object_set_string (self, pspec, g_value_get_string (value));
  else if (type == G_TYPE_INT)
    tandem_object_set_int (self, pspec, g_value_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    tandem_object_set_double (self, pspec, g_value_get_double (value));
  else if (type == G_TYPE_BOOLEAN)
    tandem_object_set_boolean (self, pspec, g_value_get_boolean (value));
  else if (G_TYPE_IS_ENUM (type))
    tandem_object_set_enum (self, pspec, g_value_get_enum (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ensure_values (TandemObject *self)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);
  TandemObjectClass *klass = TANDEM_OBJECT_GET_CLASS (self);

  if (priv->values != NULL || klass->n_generic == 0)
    return;

  priv->values = g_new0 (GValue, klass->n_generic);

  for (guint i = 0; i < klass->n_generic; i++)
    {
      GParamSpec *pspec = klass->generic[i];

      if (pspec == NULL)
        continue;

      g_value_init (&priv->values[i], pspec->value_type);
      if (pspec->value_type == G_TYPE_STRING)
        g_value_set_static_string (&priv->values[i], "");
      else if (tandem_param_get_field_kind (pspec) != TANDEM_FIELD_CHILDREN)
        g_param_value_set_default (pspec, &priv->values[i]);
    }
}

static void
tandem_object_class_init (TandemObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_object_finalize;
  object_class->get_property = tandem_object_get_property;
  object_class->set_property = tandem_object_set_property;

  klass->validate = tandem_object_real_validate;
  klass->fields = g_ptr_array_new ();

  field_kind_quark = g_quark_from_static_string ("tandem-field-kind");
  child_type_quark = g_quark_from_static_string ("tandem-child-type");

  /**
   * TandemObject:id:
   *
   * A stable identifier (a random UUID unless given), unique within the document and kept
   * across saves, JSON export and copies between reviewers.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_object_init (TandemObject *self)
{
}

static gboolean
is_generic (TandemObject *self,
            GParamSpec   *pspec)
{
  return TANDEM_OBJECT_GET_CLASS (self)->n_generic > 0 && pspec->owner_type == G_OBJECT_TYPE (self);
}

static GValue *
value_for (TandemObject *self,
           GParamSpec   *pspec)
{
  GValue *value;

  ensure_values (self);
  value = generic_value (self, pspec);

  /* Lists of children are made when first asked for: most objects have empty ones. */
  if (G_VALUE_HOLDS_OBJECT (value) && g_value_get_object (value) == NULL &&
      tandem_param_get_field_kind (pspec) == TANDEM_FIELD_CHILDREN)
    g_value_take_object (value, tandem_list_new (self, tandem_param_get_child_type (pspec)));

  return value;
}

/**
 * tandem_object_peek_list:
 *
 * Like reading a children field, but without making an empty list that does not exist yet.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL when it has no children
 */
TandemList *
tandem_object_peek_list (TandemObject *self,
                         GParamSpec   *pspec)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  if (is_generic (self, pspec))
    return priv->values ? g_value_get_object (&priv->values[pspec->param_id]) : NULL;

  return tandem_object_get_list (self, pspec);
}

/**
 * _tandem_object_take_field:
 *
 * Like _tandem_object_load_field(), but moves the contents of @value into the object,
 * leaving @value unset: no copy of the text.
 */
void
_tandem_object_take_field (TandemObject *self,
                           GParamSpec   *pspec,
                           GValue       *value)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  if (is_generic (self, pspec))
    {
      GValue *field;

      ensure_values (self);
      field = &priv->values[pspec->param_id];
      g_value_unset (field);
      *field = *value;
      memset (value, 0, sizeof *value);
    }
  else
    {
      g_object_set_property (G_OBJECT (self), pspec->name, value);
      g_value_unset (value);
    }
}

/**
 * _tandem_object_peek_field:
 *
 * For the storage layer, which copies every field of every object when it saves: the value
 * of a field kept by TandemObject, read without the GObject property machinery (a lookup of
 * the property by name, a lock and two copies).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL for a field of a hand-written
 *   class, to be read with g_object_get_property()
 */
const GValue *
_tandem_object_peek_field (TandemObject *self,
                           GParamSpec   *pspec)
{
  if (!is_generic (self, pspec) || tandem_param_get_field_kind (pspec) == TANDEM_FIELD_CHILDREN)
    return NULL;

  return value_for (self, pspec);
}

/**
 * _tandem_object_load_field:
 *
 * Sets a field of an object that is being read from a file, before anyone can observe it:
 * no recording and no notification, which makes reading large documents fast.
 */
void
_tandem_object_load_field (TandemObject *self,
                           GParamSpec   *pspec,
                           const GValue *value)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  if (is_generic (self, pspec))
    {
      ensure_values (self);
      g_value_copy (value, &priv->values[pspec->param_id]);
    }
  else
    {
      g_object_set_property (G_OBJECT (self), pspec->name, value);
    }
}

const char *
tandem_object_get_string (TandemObject *self,
                          GParamSpec   *pspec)
{
  const char *value = g_value_get_string (value_for (self, pspec));

  return value ? value : "";
}

int
tandem_object_get_int (TandemObject *self,
                       GParamSpec   *pspec)
{
  return g_value_get_int (value_for (self, pspec));
}

int
tandem_object_get_enum (TandemObject *self,
                        GParamSpec   *pspec)
{
  return g_value_get_enum (value_for (self, pspec));
}

double
tandem_object_get_double (TandemObject *self,
                          GParamSpec   *pspec)
{
  return g_value_get_double (value_for (self, pspec));
}

gboolean
tandem_object_get_boolean (TandemObject *self,
                           GParamSpec   *pspec)
{
  return g_value_get_boolean (value_for (self, pspec));
}

/**
 * tandem_object_get_list:
 *
 * Returns: (transfer none): the list of a children field
 */
TandemList *
tandem_object_get_list (TandemObject *self,
                        GParamSpec   *pspec)
{
  g_autoptr(TandemList) list = NULL;

  if (is_generic (self, pspec))
    return g_value_get_object (value_for (self, pspec));

  /* Hand-written classes own their lists; the reference we get back is not the last. */
  g_object_get (self, pspec->name, &list, NULL);
  return list;
}

/**
 * tandem_object_dup_string_field:
 *
 * Returns: (transfer full): the text of a string field of any model class
 */
char *
tandem_object_dup_string_field (TandemObject *self,
                                GParamSpec   *pspec)
{
  char *text = NULL;

  if (is_generic (self, pspec))
    return g_strdup (tandem_object_get_string (self, pspec));

  g_object_get (self, pspec->name, &text, NULL);
  return text;
}

static void
set_generic (TandemObject *self,
             GParamSpec   *pspec,
             const GValue *value)
{
  GValue *field = value_for (self, pspec);

  if (g_param_values_cmp (pspec, field, value) == 0)
    return;

  if (wants_record (self))
    record_change (self, pspec, field, (GValue *)value);

  g_value_copy (value, field);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
tandem_object_set_string (TandemObject *self,
                          GParamSpec   *pspec,
                          const char   *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_static_string (&v, value ? value : "");
  set_generic (self, pspec, &v);
}

void
tandem_object_set_int (TandemObject *self,
                       GParamSpec   *pspec,
                       int           value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  set_generic (self, pspec, &v);
}

void
tandem_object_set_enum (TandemObject *self,
                        GParamSpec   *pspec,
                        int           value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, pspec->value_type);
  g_value_set_enum (&v, value);
  set_generic (self, pspec, &v);
}

void
tandem_object_set_double (TandemObject *self,
                          GParamSpec   *pspec,
                          double        value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  set_generic (self, pspec, &v);
}

void
tandem_object_set_boolean (TandemObject *self,
                           GParamSpec   *pspec,
                           gboolean      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, !!value);
  set_generic (self, pspec, &v);
}

/* Public API */

const char *
tandem_object_get_id (TandemObject *self)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_OBJECT (self), NULL);

  return priv->id;
}

/**
 * tandem_object_get_document:
 *
 * Returns: (transfer none) (nullable): the document this object belongs to, if any
 */
TandemDocument *
tandem_object_get_document (TandemObject *self)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_OBJECT (self), NULL);

  return priv->document;
}

/**
 * tandem_object_get_parent:
 *
 * Returns: (transfer none) (nullable): the object whose list holds this one
 */
TandemObject *
tandem_object_get_parent (TandemObject *self)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  g_return_val_if_fail (TANDEM_IS_OBJECT (self), NULL);

  return priv->parent;
}

const char *
tandem_object_get_kind (TandemObject *self)
{
  g_return_val_if_fail (TANDEM_IS_OBJECT (self), NULL);

  return TANDEM_OBJECT_GET_CLASS (self)->kind;
}

gboolean
tandem_object_validate (TandemObject  *self,
                        GError       **error)
{
  g_return_val_if_fail (TANDEM_IS_OBJECT (self), FALSE);

  return TANDEM_OBJECT_GET_CLASS (self)->validate (self, error);
}

gboolean
tandem_object_is_ancestor (TandemObject *self,
                           TandemObject *descendant)
{
  for (TandemObject *iter = descendant; iter != NULL; iter = tandem_object_get_parent (iter))
    {
      if (iter == self)
        return TRUE;
    }

  return FALSE;
}

void
tandem_object_class_set_kind (TandemObjectClass *klass,
                              const char        *kind)
{
  klass->kind = kind;
}

const char *
tandem_object_class_get_kind (TandemObjectClass *klass)
{
  return klass->kind;
}

/**
 * tandem_object_class_install_fields:
 *
 * Installs @pspecs as GObject properties (skipping a leading %NULL, as in the usual
 * `properties[N_PROPS]` array) and remembers, in order, those marked with
 * tandem_param_field() or tandem_param_children() as the class's saved fields.
 *
 * When the class has no get_property() and set_property() of its own, TandemObject keeps the
 * values ("generic fields"): strings start empty, other values at their GParamSpec default,
 * and the lists of children fields are created at construction. Such a class is its field
 * declarations and a few typed accessors (see tandem-field-macros.h).
 */
void
tandem_object_class_install_fields (TandemObjectClass  *klass,
                                    guint               n_pspecs,
                                    GParamSpec        **pspecs)
{
  TandemObjectClass *parent_class = g_type_class_peek_parent (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  gboolean generic = object_class->set_property == NULL;

  /* A class with no get_property and set_property of its own keeps its fields here. */
  if (generic)
    {
      object_class->get_property = tandem_object_generic_get_property;
      object_class->set_property = tandem_object_generic_set_property;
    }

  g_object_class_install_properties (object_class, n_pspecs, pspecs);

  if (generic)
    {
      klass->n_generic = n_pspecs;
      klass->generic = g_new0 (GParamSpec *, n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        klass->generic[i] = pspecs[i];
    }

  if (TANDEM_IS_OBJECT_CLASS (parent_class) && klass->fields == parent_class->fields)
    klass->fields = g_ptr_array_copy (parent_class->fields, NULL, NULL);

  for (guint i = 0; i < n_pspecs; i++)
    {
      if (pspecs[i] != NULL && tandem_param_get_field_kind (pspecs[i]) != TANDEM_FIELD_NONE)
        g_ptr_array_add (klass->fields, pspecs[i]);
    }
}

/**
 * tandem_object_class_list_fields:
 *
 * Returns: (transfer none) (array length=n_fields): the saved fields, in declaration order
 */
GParamSpec **
tandem_object_class_list_fields (TandemObjectClass *klass,
                                 guint             *n_fields)
{
  *n_fields = klass->fields->len;
  return (GParamSpec **)klass->fields->pdata;
}

GParamSpec *
tandem_param_field (GParamSpec      *pspec,
                    TandemFieldKind  kind)
{
  g_param_spec_set_qdata (pspec, field_kind_quark, GINT_TO_POINTER (kind));
  return pspec;
}

GParamSpec *
tandem_param_children (const char *name,
                       const char *nick,
                       GType       child_type)
{
  GParamSpec *pspec;

  pspec = g_param_spec_object (name, nick, NULL,
                               TANDEM_TYPE_LIST,
                               (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_param_spec_set_qdata (pspec, field_kind_quark, GINT_TO_POINTER (TANDEM_FIELD_CHILDREN));
  g_param_spec_set_qdata (pspec, child_type_quark, GSIZE_TO_POINTER (child_type));

  return pspec;
}

TandemFieldKind
tandem_param_get_field_kind (GParamSpec *pspec)
{
  if (field_kind_quark == 0)
    return TANDEM_FIELD_NONE;

  return GPOINTER_TO_INT (g_param_spec_get_qdata (pspec, field_kind_quark));
}

GType
tandem_param_get_child_type (GParamSpec *pspec)
{
  return GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, child_type_quark));
}

gsize
tandem_field_kind_max_length (TandemFieldKind kind)
{
  switch (kind)
    {
    case TANDEM_FIELD_LONG_TEXT:
      return TANDEM_LONG_TEXT_MAX;

    case TANDEM_FIELD_DATE:
      return 10;

    case TANDEM_FIELD_TIMESTAMP:
      return 20;

    case TANDEM_FIELD_REFERENCE:
      return 64;

    case TANDEM_FIELD_BLOB:
      return 64;

    case TANDEM_FIELD_TEXT:
      return TANDEM_TEXT_MAX;

    case TANDEM_FIELD_NONE:
    case TANDEM_FIELD_VALUE:
    case TANDEM_FIELD_CHILDREN:
    default:
      return 0;
    }
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid_date (const char *text)
{
  int y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return FALSE;

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);

  return y >= 1 && g_date_valid_dmy (d, m, y);
}

static gboolean
is_valid_timestamp (const char *text)
{
  char date[11];

  if (strlen (text) != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z' || !all_digits (text + 11, 2) || !all_digits (text + 14, 2) ||
      !all_digits (text + 17, 2))
    return FALSE;

  if (atoi (text + 11) > 23 || atoi (text + 14) > 59 || atoi (text + 17) > 60)
    return FALSE;

  memcpy (date, text, 10);
  date[10] = '\0';

  return is_valid_date (date);
}

/**
 * tandem_field_check_text:
 *
 * Checks a text value for a field: valid UTF-8, not longer than the field allows, and for
 * dates and timestamps, well formed. The error names the field; callers add the file name.
 */
gboolean
tandem_field_check_text (GParamSpec  *pspec,
                         const char  *text,
                         GError     **error)
{
  if (text == NULL)
    return TRUE;

  return tandem_field_check_text_len (pspec, tandem_param_get_field_kind (pspec), text,
                                      strlen (text), error);
}

/**
 * tandem_field_check_text_len:
 * @kind: the field kind of @pspec, when the caller knows it already
 * @len: the length of @text in bytes
 */
gboolean
tandem_field_check_text_len (GParamSpec       *pspec,
                             TandemFieldKind   kind,
                             const char       *text,
                             gsize             len,
                             GError          **error)
{
  gsize max = tandem_field_kind_max_length (kind);

  if (max > 0 && len > max)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The field “%s” is %lu bytes long; Tandem allows at most %lu."),
                   g_param_spec_get_name (pspec), (unsigned long)len, (unsigned long)max);
      return FALSE;
    }

  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The field “%s” is not valid text (it is not UTF-8)."),
                   g_param_spec_get_name (pspec));
      return FALSE;
    }

  if (kind == TANDEM_FIELD_DATE && len > 0 && !is_valid_date (text))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The field “%s” holds “%s”, which is not a date written as YYYY-MM-DD."),
                   g_param_spec_get_name (pspec), text);
      return FALSE;
    }

  if (kind == TANDEM_FIELD_TIMESTAMP && len > 0 && !is_valid_timestamp (text))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The field “%s” holds “%s”, which is not a time written as "
                     "YYYY-MM-DDTHH:MM:SSZ."),
                   g_param_spec_get_name (pspec), text);
      return FALSE;
    }

  return TRUE;
}

/* Private API */

gboolean
_tandem_object_set_string (TandemObject  *self,
                           char         **field,
                           const char    *value,
                           GParamSpec    *pspec)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field ? *field : "", value) == 0)
    return FALSE;

  if (wants_record (self))
    {
      GValue old_value = G_VALUE_INIT;
      GValue new_value = G_VALUE_INIT;

      g_value_init (&old_value, G_TYPE_STRING);
      g_value_init (&new_value, G_TYPE_STRING);
      g_value_set_string (&old_value, *field ? *field : "");
      g_value_set_string (&new_value, value);
      record_change (self, pspec, &old_value, &new_value);
      g_value_unset (&old_value);
      g_value_unset (&new_value);
    }

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

#define DEFINE_SCALAR_SETTER(name, ctype, gtype, setter)                     \
gboolean                                                                     \
_tandem_object_set_##name (TandemObject *self,                               \
                           ctype        *field,                              \
                           ctype         value,                              \
                           GParamSpec   *pspec)                              \
{                                                                            \
  if (*field == value)                                                       \
    return FALSE;                                                            \
                                                                             \
  if (wants_record (self))                                                   \
    {                                                                        \
      GValue old_value = G_VALUE_INIT;                                       \
      GValue new_value = G_VALUE_INIT;                                       \
                                                                             \
      g_value_init (&old_value, gtype);                                      \
      g_value_init (&new_value, gtype);                                      \
      setter (&old_value, *field);                                           \
      setter (&new_value, value);                                            \
      record_change (self, pspec, &old_value, &new_value);                   \
    }                                                                        \
                                                                             \
  *field = value;                                                            \
  g_object_notify_by_pspec (G_OBJECT (self), pspec);                         \
                                                                             \
  return TRUE;                                                               \
}

DEFINE_SCALAR_SETTER (int, int, G_TYPE_INT, g_value_set_int)
DEFINE_SCALAR_SETTER (double, double, G_TYPE_DOUBLE, g_value_set_double)
DEFINE_SCALAR_SETTER (boolean, gboolean, G_TYPE_BOOLEAN, g_value_set_boolean)

gboolean
_tandem_object_set_enum (TandemObject *self,
                         int          *field,
                         int           value,
                         GParamSpec   *pspec)
{
  if (*field == value)
    return FALSE;

  if (wants_record (self))
    {
      GValue old_value = G_VALUE_INIT;
      GValue new_value = G_VALUE_INIT;

      g_value_init (&old_value, pspec->value_type);
      g_value_init (&new_value, pspec->value_type);
      g_value_set_enum (&old_value, *field);
      g_value_set_enum (&new_value, value);
      record_change (self, pspec, &old_value, &new_value);
    }

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

static void
set_document_cb (TandemObject *object,
                 gpointer      user_data)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (object);
  TandemDocument *document = user_data;

  if (priv->document != NULL && priv->document != document && document != NULL)
    g_critical ("%s %s already belongs to another document", tandem_object_get_kind (object),
                priv->id);

  priv->document = document;
  if (document != NULL)
    _tandem_document_index_add (document, object);
}

static void
unindex_cb (TandemObject *object,
            gpointer      user_data)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (object);

  if (priv->document != NULL)
    _tandem_document_index_remove (priv->document, object);
}

void
_tandem_object_attach (TandemObject   *self,
                       TandemDocument *document,
                       TandemObject   *parent)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  priv->parent = parent;
  if (document != NULL)
    _tandem_object_foreach (self, set_document_cb, document);
}

void
_tandem_object_detach (TandemObject *self)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  _tandem_object_foreach (self, unindex_cb, NULL);
  priv->parent = NULL;
}

static void
clear_document_cb (TandemObject *object,
                   gpointer      user_data)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (object);

  priv->document = NULL;
}

/* Sets the document without indexing; used by the document for itself and, with %NULL, when
 * the document is disposed so that objects outliving it hold no dangling pointer. */
void
_tandem_object_set_document (TandemObject   *self,
                             TandemDocument *document)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  if (document == NULL)
    _tandem_object_foreach (self, clear_document_cb, NULL);
  else
    priv->document = document;
}

/* Called by tandem_list_new() so that traversal does not go through GValue for each object. */
void
_tandem_object_register_list (TandemObject *self,
                              TandemList   *list)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  if (priv->lists == NULL)
    priv->lists = g_ptr_array_new ();
  g_ptr_array_add (priv->lists, list);
}

/* Visits @self and then every descendant, depth first, in list order. */
void
_tandem_object_foreach (TandemObject     *self,
                        TandemObjectFunc  func,
                        gpointer          user_data)
{
  TandemObjectPrivate *priv = tandem_object_get_instance_private (self);

  func (self, user_data);

  if (priv->lists == NULL)
    return;

  for (guint i = 0; i < priv->lists->len; i++)
    {
      TandemList *list = g_ptr_array_index (priv->lists, i);
      guint n = tandem_list_get_n (list);

      for (guint j = 0; j < n; j++)
        _tandem_object_foreach (tandem_list_get (list, j), func, user_data);
    }
}
