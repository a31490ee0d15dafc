/* tandem-json-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-json-schema"

#include "config.h"

#include "tandem-enums.h"
#include "tandem-evidence-link.h"
#include "tandem-json.h"
#include "tandem-step.h"
#include "tandem-storage-private.h"

/*
 * The JSON Schema of the interchange format (data/tandem.schema.json), generated from the
 * same field declarations that the reader and writer follow, so that the published schema
 * cannot drift from what Tandem reads. A test compares the committed file with this output.
 */

static void
add_field_schema (JsonBuilder *builder,
                  GParamSpec  *pspec)
{
  TandemFieldKind kind = tandem_param_get_field_kind (pspec);
  GType type = pspec->value_type;

  json_builder_begin_object (builder);

  if (type == G_TYPE_STRING)
    {
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "string");

      switch (kind)
        {
        case TANDEM_FIELD_DATE:
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, "A date, YYYY-MM-DD, or empty.");
          json_builder_set_member_name (builder, "pattern");
          json_builder_add_string_value (builder, "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$");
          break;

        case TANDEM_FIELD_TIMESTAMP:
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, "A time in UTC, YYYY-MM-DDTHH:MM:SSZ, or empty.");
          json_builder_set_member_name (builder, "pattern");
          json_builder_add_string_value (builder,
                                         "^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)?$");
          break;

        case TANDEM_FIELD_REFERENCE:
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, "The id of another object in the same project, "
                                                  "or empty.");
          json_builder_set_member_name (builder, "maxLength");
          json_builder_add_int_value (builder, 64);
          break;

        case TANDEM_FIELD_BLOB:
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, "The SHA-256 of a file in \"blobs\", or empty.");
          json_builder_set_member_name (builder, "pattern");
          json_builder_add_string_value (builder, "^([0-9a-f]{64})?$");
          break;

        case TANDEM_FIELD_LONG_TEXT:
        case TANDEM_FIELD_TEXT:
          if (pspec->owner_type == TANDEM_TYPE_EVIDENCE_LINK && g_str_equal (pspec->name, "uri"))
            {
              /* What tandem_evidence_link_check_uri() allows, as near as a pattern can say. */
              json_builder_set_member_name (builder, "description");
              json_builder_add_string_value (builder, "An http, https or mailto link, or empty; "
                                                      "other links are refused.");
              json_builder_set_member_name (builder, "pattern");
              json_builder_add_string_value (builder,
                                             "^([hH][tT][tT][pP][sS]?://[^/?#]+.*|"
                                             "[mM][aA][iI][lL][tT][oO]:.+)?$");
              json_builder_set_member_name (builder, "maxLength");
              json_builder_add_int_value (builder, tandem_field_kind_max_length (kind));
              break;
            }
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder,
                                         kind == TANDEM_FIELD_TEXT
                                           ? "One line of text; at most 4096 bytes of UTF-8."
                                           : "Text, paragraphs separated by newlines; at most "
                                             "1 MiB of UTF-8.");
          json_builder_set_member_name (builder, "maxLength");
          json_builder_add_int_value (builder, tandem_field_kind_max_length (kind));
          break;

        case TANDEM_FIELD_NONE:
        case TANDEM_FIELD_VALUE:
        case TANDEM_FIELD_CHILDREN:
        default:
          break;
        }
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "boolean");
    }
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *spec = G_PARAM_SPEC_INT (pspec);

      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "integer");
      json_builder_set_member_name (builder, "minimum");
      json_builder_add_int_value (builder, spec->minimum);
      json_builder_set_member_name (builder, "maximum");
      json_builder_add_int_value (builder, spec->maximum);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *spec = G_PARAM_SPEC_DOUBLE (pspec);

      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "number");
      json_builder_set_member_name (builder, "minimum");
      json_builder_add_double_value (builder, spec->minimum);
      json_builder_set_member_name (builder, "maximum");
      json_builder_add_double_value (builder, spec->maximum);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);

      json_builder_set_member_name (builder, "enum");
      json_builder_begin_array (builder);
      for (guint i = 0; i < enum_class->n_values; i++)
        json_builder_add_string_value (builder, enum_class->values[i].value_nick);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
add_kind_schema (JsonBuilder          *builder,
                 const TandemKindInfo *info)
{
  json_builder_set_member_name (builder, info->kind);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "required");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "id");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "additionalProperties");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "string");
  json_builder_set_member_name (builder, "minLength");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "maxLength");
  json_builder_add_int_value (builder, 64);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "Stable and unique within the project; a UUID when "
                                          "Tandem makes it.");
  json_builder_end_object (builder);

  for (guint i = 0; i < info->columns->len; i++)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (info->column_names, i));
      add_field_schema (builder, g_ptr_array_index (info->columns, i));
    }

  for (guint i = 0; i < info->lists->len; i++)
    {
      const TandemKindInfo *child = g_ptr_array_index (info->list_kinds, i);
      g_autofree char *ref = g_strdup_printf ("#/$defs/%s", child->kind);

      json_builder_set_member_name (builder, g_ptr_array_index (info->list_names, i));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "array");
      json_builder_set_member_name (builder, "items");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "$ref");
      json_builder_add_string_value (builder, ref);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }

  /* Read from files of format 4 and earlier, never written: see read_legacy_step(). */
  if (info->type == TANDEM_TYPE_STEP)
    {
      g_autoptr(GEnumClass) feelings = g_type_class_ref (TANDEM_TYPE_FEELING);

      json_builder_set_member_name (builder, "feeling");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "enum");
      json_builder_begin_array (builder);
      for (guint i = 0; i < feelings->n_values; i++)
        json_builder_add_string_value (builder, feelings->values[i].value_nick);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "deprecated");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, "Formats 4 and earlier only: the step's one "
                                              "feeling, read as one vote. Format 5 has votes.");
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/**
 * tandem_json_schema_generate:
 *
 * Returns: (transfer full): the JSON Schema of the interchange format, as text
 */
char *
tandem_json_schema_generate (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  const TandemKindInfo *const *kinds;
  guint n_kinds;

  kinds = _tandem_storage_get_kinds (&n_kinds);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$schema");
  json_builder_add_string_value (builder, "https://json-schema.org/draft/2020-12/schema");
  json_builder_set_member_name (builder, "$id");
  json_builder_add_string_value (builder, "https://github.com/tandem-coproduction/tandem/data/tandem.schema.json");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Tandem project");
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder,
                                 "A whole Tandem project as JSON: what tandem --export-json writes "
                                 "and tandem --import-json reads. Generated from Tandem's model; "
                                 "see the help page \"The JSON format\".");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "required");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "format");
  json_builder_add_string_value (builder, "version");
  json_builder_add_string_value (builder, "project");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "additionalProperties");
  json_builder_add_boolean_value (builder, FALSE);

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "const");
  json_builder_add_string_value (builder, TANDEM_JSON_FORMAT);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "integer");
  json_builder_set_member_name (builder, "minimum");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "maximum");
  json_builder_add_int_value (builder, TANDEM_SCHEMA_VERSION);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "project");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$ref");
  json_builder_add_string_value (builder, "#/$defs/project");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "blobs");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "Files stored in the project, by SHA-256, as base64.");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "additionalProperties");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "patternProperties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "^[0-9a-f]{64}$");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "string");
  json_builder_set_member_name (builder, "contentEncoding");
  json_builder_add_string_value (builder, "base64");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "$defs");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_kinds; i++)
    add_kind_schema (builder, kinds[i]);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return tandem_json_to_string (root, NULL);
}
