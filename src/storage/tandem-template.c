/* tandem-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-template"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-condition.h"
#include "tandem-copy.h"
#include "tandem-file-writer.h"
#include "tandem-json.h"
#include "tandem-object-private.h"
#include "tandem-storage.h"
#include "tandem-storage-private.h"
#include "tandem-template.h"
#include "tandem-templates-resources.h"
#include "tandem-untrusted-file.h"

/*
 * Checklist templates: the eight built-in ones (compiled in as resources) and any a user
 * imports. A template is JSON in the interchange format:
 *
 *   { "format": "tandem-template", "version": 3,
 *     "conditions": [ { "key": "beds-reduced", "label": "Beds are reduced significantly" } ],
 *     "checklist": { a checklist exactly as tandem_json_serialize() writes it } }
 *
 * Templates travel by email like project files, so reading one is as strict as reading a
 * project: the size, the nesting, every member and every value are checked, and the error
 * says where the problem is. Answers, sign-offs and history in a template are dropped; a
 * template is the questions only.
 */

struct _TandemTemplate
{
  GObject          parent_instance;

  TandemChecklist *checklist;    /* the questions, answers cleared, in no document */
  GPtrArray       *conditions;   /* char*: key, label, key, label, ... */
  guint            n_items;
};

G_DEFINE_FINAL_TYPE (TandemTemplate, tandem_template, G_TYPE_OBJECT)

#define BUILTIN_PATH RESOURCE_PREFIX "/templates/"

/* Auxiliary methods */

static gboolean
template_error (GError     **error,
                const char  *path,
                const char  *format,
                ...) G_GNUC_PRINTF (3, 4);

static gboolean
template_error (GError     **error,
                const char  *path,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL)
    /* TRANSLATORS: "At /checklist/sections/0/items/2: Every question needs a key." */
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                 _("At %s: %s"), path, message);
  else
    g_set_error_literal (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                         message);

  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static void
clear_item_answers (TandemChecklistItem *item)
{
  GParamSpec **fields;
  guint n_fields;
  TandemList *list;

  fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (item), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!tandem_checklist_item_is_answer_field (fields[i]))
        continue;

      g_value_init (&value, fields[i]->value_type);
      g_param_value_set_default (fields[i], &value);
      g_object_set_property (G_OBJECT (item), fields[i]->name, &value);
    }

  list = tandem_checklist_item_get_links (item);
  while (tandem_list_get_n (list) > 0)
    tandem_list_remove (list, 0);

  list = tandem_checklist_item_get_attachments (item);
  while (tandem_list_get_n (list) > 0)
    tandem_list_remove (list, 0);
}

/**
 * tandem_template_clear_answers:
 *
 * Leaves only the questions of @checklist: every answer, the decision, the sign-offs and the
 * audit trail are cleared. For checklists that are not in a document (copies).
 */
void
tandem_template_clear_answers (TandemChecklist *checklist)
{
  TandemList *sections = tandem_checklist_get_sections (checklist);
  TandemList *list;

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, i));

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        clear_item_answers (tandem_list_get (items, j));
    }

  tandem_checklist_set_decision (checklist, TANDEM_DECISION_UNDECIDED);
  tandem_checklist_set_decision_conditions (checklist, "");

  list = tandem_checklist_get_signoffs (checklist);
  while (tandem_list_get_n (list) > 0)
    tandem_list_remove (list, 0);

  list = tandem_checklist_get_audit (checklist);
  while (tandem_list_get_n (list) > 0)
    tandem_list_remove (list, 0);
}

typedef struct
{
  GHashTable *ids;
  char       *duplicate;
} IdCheck;

static void
check_id_cb (TandemObject *object,
             gpointer      user_data)
{
  IdCheck *check = user_data;

  if (check->duplicate == NULL && !g_hash_table_add (check->ids, (gpointer)tandem_object_get_id (object)))
    check->duplicate = g_strdup (tandem_object_get_id (object));
}

static gboolean
read_conditions (TandemTemplate  *self,
                 JsonNode        *node,
                 GError         **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return template_error (error, "/conditions", _("Expected a list of conditions."));

  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("/conditions/%u", i);
      g_autoptr(GList) members = NULL;
      JsonObject *object;
      JsonNode *key;
      JsonNode *label;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return template_error (error, path, _("Each condition is an object with “key” and "
                                              "“label”."));

      object = json_node_get_object (element);
      members = json_object_get_members (object);
      for (const GList *l = members; l != NULL; l = l->next)
        {
          if (!g_str_equal (l->data, "key") && !g_str_equal (l->data, "label"))
            return template_error (error, path, _("“%.40s” is not part of a condition."),
                                   (const char *)l->data);
        }

      key = json_object_get_member (object, "key");
      label = json_object_get_member (object, "label");

      if (!is_string (key) || !tandem_condition_key_is_valid (json_node_get_string (key)))
        return template_error (error, path, _("A condition needs a “key” of lower-case letters, "
                                              "digits and hyphens, such as “beds-reduced”."));

      if (!is_string (label) || json_node_get_string (label)[0] == '\0' ||
          strlen (json_node_get_string (label)) > TANDEM_TEXT_MAX ||
          !g_utf8_validate (json_node_get_string (label), -1, NULL))
        return template_error (error, path, _("A condition needs a “label”: a sentence of at "
                                              "most %d bytes saying when it applies."),
                               TANDEM_TEXT_MAX);

      for (guint j = 0; j < self->conditions->len; j += 2)
        {
          if (g_str_equal (g_ptr_array_index (self->conditions, j), json_node_get_string (key)))
            return template_error (error, path, _("The condition “%s” is listed twice."),
                                   json_node_get_string (key));
        }

      g_ptr_array_add (self->conditions, g_strdup (json_node_get_string (key)));
      g_ptr_array_add (self->conditions, g_strdup (json_node_get_string (label)));
    }

  return TRUE;
}

static gboolean
has_condition (TandemTemplate *self,
               const char     *key)
{
  for (guint j = 0; j < self->conditions->len; j += 2)
    {
      if (g_str_equal (g_ptr_array_index (self->conditions, j), key))
        return TRUE;
    }

  return FALSE;
}

/* What the field checks of the JSON reader cannot know: a template must have a title, an id
 * and a version, sections with items, and each item a unique key and a question. */
static gboolean
check_checklist (TandemTemplate  *self,
                 GError         **error)
{
  TandemChecklist *checklist = self->checklist;
  TandemList *sections = tandem_checklist_get_sections (checklist);
  g_autoptr(GHashTable) section_keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) item_keys = g_hash_table_new (g_str_hash, g_str_equal);
  IdCheck check = { NULL, NULL };

  check.ids = g_hash_table_new (g_str_hash, g_str_equal);
  _tandem_object_foreach (TANDEM_OBJECT (checklist), check_id_cb, &check);
  g_hash_table_unref (check.ids);
  if (check.duplicate != NULL)
    {
      g_autofree char *duplicate = check.duplicate;
      return template_error (error, "/checklist", _("The id “%.64s” is used twice."), duplicate);
    }

  if (!tandem_condition_key_is_valid (tandem_checklist_get_template_id (checklist)))
    return template_error (error, "/checklist/template_id",
                           _("A template needs a “template_id” of lower-case letters, digits and "
                             "hyphens, such as “t1-board-assurance”."));

  if (tandem_checklist_get_template_version (checklist) < 1)
    return template_error (error, "/checklist/template_version",
                           _("A template needs a “template_version” of 1 or more."));

  if (tandem_checklist_get_title (checklist)[0] == '\0')
    return template_error (error, "/checklist/title", _("A template needs a title."));

  if (tandem_list_get_n (sections) == 0)
    return template_error (error, "/checklist/sections", _("A template needs at least one "
                                                          "section of questions."));

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemChecklistSection *section = tandem_list_get (sections, i);
      TandemList *items = tandem_checklist_section_get_items (section);
      g_autofree char *path = g_strdup_printf ("/checklist/sections/%u", i);
      const char *key = tandem_checklist_section_get_key (section);

      if (tandem_checklist_section_get_title (section)[0] == '\0')
        return template_error (error, path, _("Every section needs a title."));

      if (!tandem_condition_key_is_valid (key))
        return template_error (error, path, _("Every section needs a “key” of lower-case "
                                              "letters, digits and hyphens."));

      if (!g_hash_table_add (section_keys, (gpointer)key))
        return template_error (error, path, _("The section key “%s” is used twice."), key);

      if (tandem_list_get_n (items) == 0)
        return template_error (error, path, _("Every section needs at least one question."));

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        {
          TandemChecklistItem *item = tandem_list_get (items, j);
          g_autofree char *item_path = g_strdup_printf ("%s/items/%u", path, j);
          const char *condition = tandem_checklist_item_get_condition (item);

          key = tandem_checklist_item_get_key (item);

          if (!tandem_condition_key_is_valid (key))
            return template_error (error, item_path, _("Every question needs a “key” of "
                                                       "lower-case letters, digits and hyphens; "
                                                       "it is how answers are matched."));

          if (!g_hash_table_add (item_keys, (gpointer)key))
            return template_error (error, item_path, _("The question key “%s” is used twice."),
                                   key);

          if (tandem_checklist_item_get_question (item)[0] == '\0')
            return template_error (error, item_path, _("Every item needs a question."));

          if (condition[0] != '\0' && !has_condition (self, condition))
            return template_error (error, item_path,
                                   _("The question depends on the condition “%.64s”, which is "
                                     "not in the template’s “conditions”."), condition);

          self->n_items++;
        }
    }

  return TRUE;
}

/* GObject */

static void
tandem_template_finalize (GObject *object)
{
  TandemTemplate *self = (TandemTemplate *)object;

  g_clear_object (&self->checklist);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_template_parent_class)->finalize (object);
}

static void
tandem_template_class_init (TandemTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_template_finalize;
}

static void
tandem_template_init (TandemTemplate *self)
{
  self->conditions = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

/**
 * tandem_template_new_from_data:
 *
 * Reads and checks a template. On failure, @error is a sentence naming the problem and,
 * where it helps, where in the file it is.
 *
 * Returns: (transfer full) (nullable): the template
 */
TandemTemplate *
tandem_template_new_from_data (const char  *data,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(TandemTemplate) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *format;
  gint64 version;

  if (length > TANDEM_TEMPLATE_MAX_SIZE)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE,
                   _("It is larger than %d MB; checklist templates are much smaller. Check that "
                     "you chose a template file."), TANDEM_TEMPLATE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!tandem_json_check_syntax (data, length, TANDEM_TEMPLATE_MAX_DEPTH, &local_error))
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                   _("It is not valid JSON. %s"), local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                   _("It is not valid JSON (%s)."), local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL)
    {
      template_error (error, NULL, _("It is empty."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      template_error (error, NULL, _("A checklist template is a JSON object with “format”, "
                                     "“version”, “conditions” and “checklist”."));
      return NULL;
    }

  root = json_node_get_object (node);

  node = json_object_get_member (root, "format");
  format = is_string (node) ? json_node_get_string (node) : NULL;
  if (g_strcmp0 (format, TANDEM_JSON_FORMAT) == 0)
    {
      template_error (error, NULL, _("This is a whole Tandem project, not a checklist template. "
                                     "Open it with Open… instead."));
      return NULL;
    }
  if (g_strcmp0 (format, TANDEM_TEMPLATE_FORMAT) != 0)
    {
      template_error (error, "/format", _("This is not a checklist template: “format” should be "
                                          "“%s”."), TANDEM_TEMPLATE_FORMAT);
      return NULL;
    }

  members = json_object_get_members (root);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_str_equal (l->data, "format") && !g_str_equal (l->data, "version") &&
          !g_str_equal (l->data, "conditions") && !g_str_equal (l->data, "checklist"))
        {
          template_error (error, "/", _("“%.40s” is not part of a checklist template."),
                          (const char *)l->data);
          return NULL;
        }
    }

  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      template_error (error, "/version", _("“version” should be a whole number."));
      return NULL;
    }

  version = json_node_get_int (node);
  if (version > TANDEM_SCHEMA_VERSION)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NEWER_VERSION,
                   _("It was written by a newer version of Tandem (format %" G_GINT64_FORMAT "; "
                     "this version reads up to %d). Please update Tandem."),
                   version, TANDEM_SCHEMA_VERSION);
      return NULL;
    }
  if (version < TANDEM_TEMPLATE_MIN_VERSION)
    {
      template_error (error, "/version", _("Version %" G_GINT64_FORMAT " is not a template "
                                           "version Tandem knows; templates start at version %d."),
                      version, TANDEM_TEMPLATE_MIN_VERSION);
      return NULL;
    }

  self = g_object_new (TANDEM_TYPE_TEMPLATE, NULL);

  node = json_object_get_member (root, "conditions");
  if (node != NULL && !read_conditions (self, node, error))
    return NULL;

  node = json_object_get_member (root, "checklist");
  if (node == NULL)
    {
      template_error (error, NULL, _("There is no “checklist” in it."));
      return NULL;
    }

  self->checklist = TANDEM_CHECKLIST (tandem_json_deserialize (node, TANDEM_TYPE_CHECKLIST,
                                                               "/checklist", error));
  if (self->checklist == NULL)
    return NULL;

  if (!check_checklist (self, error))
    return NULL;

  tandem_template_clear_answers (self->checklist);

  return g_steal_pointer (&self);
}

/**
 * tandem_template_new_from_file:
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set to a sentence
 *   naming the file and the problem
 */
TandemTemplate *
tandem_template_new_from_file (GFile   *file,
                               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TandemTemplate *self;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = tandem_untrusted_file_read (file, TANDEM_TEMPLATE_MAX_SIZE, _("a checklist template"),
                                      &name, NULL, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  self = tandem_template_new_from_data (data, length, &local_error);
  if (self == NULL)
    {
      if (local_error->code == TANDEM_STORAGE_ERROR_INVALID_CONTENT)
        g_set_error (error, TANDEM_STORAGE_ERROR, local_error->code,
                     _("“%s” is not a checklist template Tandem can use. %s Ask whoever sent it "
                       "for a copy exported with Export as Template."), name, local_error->message);
      else
        g_set_error (error, TANDEM_STORAGE_ERROR, local_error->code,
                     _("“%s” is not a checklist template Tandem can use. %s"), name,
                     local_error->message);
      return NULL;
    }

  return self;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/**
 * tandem_template_get_builtin:
 *
 * Returns: (transfer none): the built-in templates T1 to T8, a list of #TandemTemplate
 */
GListModel *
tandem_template_get_builtin (void)
{
  static GListStore *builtin;

  if (g_once_init_enter (&builtin))
    {
      GListStore *store = g_list_store_new (TANDEM_TYPE_TEMPLATE);
      g_auto(GStrv) names = NULL;

      tandem_templates_register_resource ();
      names = g_resources_enumerate_children (BUILTIN_PATH, 0, NULL);

      if (names != NULL)
        qsort (names, g_strv_length (names), sizeof (char *), compare_names);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (BUILTIN_PATH, names[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
          g_autoptr(TandemTemplate) template = NULL;
          g_autoptr(GError) error = NULL;
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          template = tandem_template_new_from_data (data, size, &error);
          if (template == NULL)
            g_critical ("Built-in template %s is broken: %s", names[i], error->message);
          else
            g_list_store_append (store, template);
        }

      g_once_init_leave (&builtin, store);
    }

  return G_LIST_MODEL (builtin);
}

/**
 * tandem_template_find_builtin:
 *
 * Returns: (transfer none) (nullable): the built-in template with @template_id
 */
TandemTemplate *
tandem_template_find_builtin (const char *template_id)
{
  GListModel *builtin = tandem_template_get_builtin ();

  for (guint i = 0; i < g_list_model_get_n_items (builtin); i++)
    {
      g_autoptr(TandemTemplate) template = g_list_model_get_item (builtin, i);

      if (g_strcmp0 (tandem_template_get_id (template), template_id) == 0)
        return template;
    }

  return NULL;
}

const char *
tandem_template_get_id (TandemTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), NULL);

  return tandem_checklist_get_template_id (self->checklist);
}

int
tandem_template_get_version (TandemTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), 0);

  return tandem_checklist_get_template_version (self->checklist);
}

const char *
tandem_template_get_title (TandemTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), NULL);

  return tandem_checklist_get_title (self->checklist);
}

const char *
tandem_template_get_description (TandemTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), NULL);

  return tandem_checklist_get_description (self->checklist);
}

const char *
tandem_template_get_source (TandemTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), NULL);

  return tandem_checklist_get_source (self->checklist);
}

guint
tandem_template_get_n_items (TandemTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), 0);

  return self->n_items;
}

/**
 * tandem_template_get_checklist:
 *
 * Returns: (transfer none): the template's questions as a checklist in no document; copy it
 *   with tandem_template_instantiate() rather than changing it
 */
TandemChecklist *
tandem_template_get_checklist (TandemTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), NULL);

  return self->checklist;
}

guint
tandem_template_get_n_conditions (TandemTemplate *self)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), 0);

  return self->conditions->len / 2;
}

void
tandem_template_get_condition (TandemTemplate  *self,
                               guint            index,
                               const char     **key,
                               const char     **label)
{
  g_return_if_fail (TANDEM_IS_TEMPLATE (self));
  g_return_if_fail (index < self->conditions->len / 2);

  if (key != NULL)
    *key = g_ptr_array_index (self->conditions, index * 2);
  if (label != NULL)
    *label = g_ptr_array_index (self->conditions, index * 2 + 1);
}

/**
 * tandem_template_instantiate:
 *
 * Adds a new checklist made from the template to @document, in one transaction together
 * with the project conditions its questions name that the document lacks (added switched
 * off). Every object gets a fresh id; the item keys stay as in the template.
 *
 * Returns: (transfer none): the new checklist, owned by @document
 */
TandemChecklist *
tandem_template_instantiate (TandemTemplate *self,
                             TandemDocument *document,
                             const char     *undo_label)
{
  g_autoptr(TandemChecklist) checklist = NULL;

  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  checklist = tandem_object_copy (TANDEM_OBJECT (self->checklist), TANDEM_COPY_DEFAULT);

  tandem_document_begin (document, undo_label);

  for (guint i = 0; i < self->conditions->len; i += 2)
    {
      const char *key = g_ptr_array_index (self->conditions, i);

      if (tandem_document_find_condition (document, key) == NULL)
        {
          g_autoptr(TandemCondition) condition = NULL;

          condition = tandem_condition_new (key, g_ptr_array_index (self->conditions, i + 1));
          tandem_list_append (tandem_document_get_conditions (document), condition);
        }
    }

  tandem_list_append (tandem_document_get_checklists (document), checklist);
  tandem_document_commit (document);

  return checklist;
}

/**
 * tandem_template_write_checklist:
 *
 * Writes @checklist as a template: its questions and the conditions they name, with every
 * answer, the decision, the sign-offs and the audit trail left out. The result is checked by
 * reading it back, so what is written can always be imported.
 *
 * Returns: (transfer full) (nullable): the JSON text
 */
static char *
write_checklist (TandemChecklist  *checklist,
                 TandemTemplate   *labels,
                 gsize            *length,
                 GError          **error);

char *
tandem_template_write_checklist (TandemChecklist  *checklist,
                                 gsize            *length,
                                 GError          **error)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST (checklist), NULL);

  return write_checklist (checklist, NULL, length, error);
}

/**
 * tandem_template_write:
 *
 * Writes the template back out, as tandem_template_write_checklist() does for a checklist.
 *
 * Returns: (transfer full) (nullable): the JSON text
 */
char *
tandem_template_write (TandemTemplate  *self,
                       gsize           *length,
                       GError         **error)
{
  g_return_val_if_fail (TANDEM_IS_TEMPLATE (self), NULL);

  return write_checklist (self->checklist, self, length, error);
}

static const char *
condition_label (TandemDocument *document,
                 TandemTemplate *labels,
                 const char     *key)
{
  TandemCondition *condition;

  if (labels != NULL)
    {
      for (guint i = 0; i < labels->conditions->len; i += 2)
        {
          if (g_str_equal (g_ptr_array_index (labels->conditions, i), key))
            return g_ptr_array_index (labels->conditions, i + 1);
        }
    }

  condition = document != NULL ? tandem_document_find_condition (document, key) : NULL;
  if (condition != NULL && tandem_condition_get_label (condition)[0] != '\0')
    return tandem_condition_get_label (condition);

  return key;
}

static char *
write_checklist (TandemChecklist  *checklist,
                 TandemTemplate   *labels,
                 gsize            *length,
                 GError          **error)
{
  g_autoptr(TandemChecklist) copy = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(TandemTemplate) check = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  TandemDocument *document;
  TandemList *sections;
  g_autofree char *text = NULL;
  gsize text_length;

  document = tandem_object_get_document (TANDEM_OBJECT (checklist));
  copy = tandem_object_copy (TANDEM_OBJECT (checklist), TANDEM_COPY_KEEP_IDS);
  tandem_template_clear_answers (copy);

  if (!tandem_condition_key_is_valid (tandem_checklist_get_template_id (copy)))
    tandem_checklist_set_template_id (copy, "custom-checklist");
  if (tandem_checklist_get_template_version (copy) < 1)
    tandem_checklist_set_template_version (copy, 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, TANDEM_TEMPLATE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, TANDEM_SCHEMA_VERSION);

  /* The conditions the questions name, in the order they first appear. */
  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  sections = tandem_checklist_get_sections (copy);
  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, i));

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        {
          const char *key = tandem_checklist_item_get_condition (tandem_list_get (items, j));
          gboolean seen = FALSE;

          if (key[0] == '\0')
            continue;

          for (guint k = 0; k < keys->len && !seen; k++)
            seen = g_str_equal (g_ptr_array_index (keys, k), key);
          if (seen)
            continue;

          g_ptr_array_add (keys, (gpointer)key);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, key);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, condition_label (document, labels, key));
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "checklist");
  json_builder_add_value (builder, tandem_json_serialize (TANDEM_OBJECT (copy)));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = tandem_json_to_string (root, &text_length);

  check = tandem_template_new_from_data (text, text_length, &local_error);
  if (check == NULL)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                   _("“%s” cannot be written as a template. %s"),
                   tandem_checklist_get_title (checklist), local_error->message);
      return NULL;
    }

  if (length != NULL)
    *length = text_length;

  return g_steal_pointer (&text);
}

/**
 * tandem_template_export:
 *
 * Writes @checklist to @file as a template, atomically.
 */
gboolean
tandem_template_export (TandemChecklist  *checklist,
                        GFile            *file,
                        GError          **error)
{
  g_autofree char *text = NULL;
  gsize length;

  text = tandem_template_write_checklist (checklist, &length, error);
  if (text == NULL)
    return FALSE;

  return tandem_file_replace_contents (file, text, length, error);
}
