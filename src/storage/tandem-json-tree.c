/* tandem-json-tree.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-json"

#include "config.h"

#include <string.h>

#include "tandem-storage-private.h"

/*
 * Builds the json-glib tree of text that tandem_json_check_syntax() has already accepted.
 *
 * json-glib's own parser reads through GScanner, which looks at every byte through a table of
 * identifier characters (strchr) and then builds each token: for a project of 100,000 steps
 * that reading is half the time of an import. The strict scan has already found every token
 * and checked every escape, nesting level and number, so this only needs to build: the same
 * nodes json-glib makes (whole numbers as gint64, others as double, objects through
 * json_object_set_member(), so a name given twice keeps its place and its last value).
 * Given text the scan did not accept, it returns NULL rather than guess.
 */

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  GString    *text;  /* the string read last, reused: json-glib copies what it keeps */
} Reader;

static JsonNode *read_value (Reader *reader);

static inline void
skip_space (Reader *reader)
{
  while (reader->pos < reader->length &&
         (reader->data[reader->pos] == ' ' || reader->data[reader->pos] == '\n' ||
          reader->data[reader->pos] == '\r' || reader->data[reader->pos] == '\t'))
    reader->pos++;
}

static guint
read_hex4 (const char *p)
{
  guint code = 0;

  for (guint i = 0; i < 4; i++)
    code = code * 16 + g_ascii_xdigit_value (p[i]);

  return code;
}

/* Reads the string at the current '"' into reader->text; NULL when it is not closed. */
static const char *
read_string (Reader *reader)
{
  const char *end = reader->data + reader->length;
  const char *p = reader->data + reader->pos + 1;
  GString *text = reader->text;

  g_string_truncate (text, 0);

  while (p < end && *p != '"')
    {
      if (*p != '\\')
        {
          const char *run = p;

          while (p < end && *p != '"' && *p != '\\')
            p++;
          g_string_append_len (text, run, p - run);
          continue;
        }

      if (p + 1 >= end)
        return NULL;

      switch (p[1])
        {
        case '"': g_string_append_c (text, '"'); p += 2; break;
        case '\\': g_string_append_c (text, '\\'); p += 2; break;
        case '/': g_string_append_c (text, '/'); p += 2; break;
        case 'b': g_string_append_c (text, '\b'); p += 2; break;
        case 'f': g_string_append_c (text, '\f'); p += 2; break;
        case 'n': g_string_append_c (text, '\n'); p += 2; break;
        case 'r': g_string_append_c (text, '\r'); p += 2; break;
        case 't': g_string_append_c (text, '\t'); p += 2; break;
        case 'u':
          {
            gunichar code;

            if (end - p < 6)
              return NULL;
            code = read_hex4 (p + 2);
            p += 6;
            /* The scan let through only whole surrogate pairs. */
            if (code >= 0xD800 && code <= 0xDBFF)
              {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                  return NULL;
                code = 0x10000 + ((code - 0xD800) << 10) + (read_hex4 (p + 2) - 0xDC00);
                p += 6;
              }
            g_string_append_unichar (text, code);
          }
          break;
        default:
          return NULL;
        }
    }

  if (p >= end)
    return NULL;

  reader->pos = p + 1 - reader->data;
  return text->str;
}

static JsonNode *
read_number (Reader *reader)
{
  const char *start = reader->data + reader->pos;
  gsize i = reader->pos;
  gboolean whole = TRUE;
  char buffer[64];
  g_autofree char *long_text = NULL;
  const char *text;
  gsize n;

  while (i < reader->length)
    {
      char c = reader->data[i];

      if (c == '.' || c == 'e' || c == 'E')
        whole = FALSE;
      else if (!g_ascii_isdigit (c) && c != '-' && c != '+')
        break;
      i++;
    }

  n = i - reader->pos;
  if (n < sizeof buffer)
    {
      memcpy (buffer, start, n);
      buffer[n] = '\0';
      text = buffer;
    }
  else
    text = long_text = g_strndup (start, n);

  reader->pos = i;

  if (whole)
    return json_node_init_int (json_node_alloc (), g_ascii_strtoll (text, NULL, 10));

  return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
}

static JsonNode *
read_object (Reader *reader)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  reader->pos++;  /* '{' */
  skip_space (reader);

  while (reader->pos < reader->length && reader->data[reader->pos] != '}')
    {
      g_autofree char *long_name = NULL;
      char short_name[128];
      const char *name;
      JsonNode *member;

      if (reader->data[reader->pos] != '"' || read_string (reader) == NULL)
        goto bad;
      /* Kept aside while the value, which may hold names of its own, is read. */
      if (reader->text->len < sizeof short_name)
        name = memcpy (short_name, reader->text->str, reader->text->len + 1);
      else
        name = long_name = g_strndup (reader->text->str, reader->text->len);
      skip_space (reader);
      if (reader->pos >= reader->length || reader->data[reader->pos] != ':')
        goto bad;
      reader->pos++;
      if ((member = read_value (reader)) == NULL)
        goto bad;
      json_object_set_member (object, name, member);

      skip_space (reader);
      if (reader->pos < reader->length && reader->data[reader->pos] == ',')
        {
          reader->pos++;
          skip_space (reader);
        }
    }

  if (reader->pos >= reader->length)
    goto bad;
  reader->pos++;  /* '}' */

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;

bad:
  json_object_unref (object);
  return NULL;
}

static JsonNode *
read_array (Reader *reader)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  reader->pos++;  /* '[' */
  skip_space (reader);

  while (reader->pos < reader->length && reader->data[reader->pos] != ']')
    {
      JsonNode *element = read_value (reader);

      if (element == NULL)
        goto bad;
      json_array_add_element (array, element);

      skip_space (reader);
      if (reader->pos < reader->length && reader->data[reader->pos] == ',')
        reader->pos++;
    }

  if (reader->pos >= reader->length)
    goto bad;
  reader->pos++;  /* ']' */

  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;

bad:
  json_array_unref (array);
  return NULL;
}

static JsonNode *
read_value (Reader *reader)
{
  skip_space (reader);
  if (reader->pos >= reader->length)
    return NULL;

  switch (reader->data[reader->pos])
    {
    case '{':
      return read_object (reader);

    case '[':
      return read_array (reader);

    case '"':
      {
        const char *text = read_string (reader);

        return text ? json_node_init_string (json_node_alloc (), text) : NULL;
      }

    case 't':
      reader->pos += 4;
      return json_node_init_boolean (json_node_alloc (), TRUE);

    case 'f':
      reader->pos += 5;
      return json_node_init_boolean (json_node_alloc (), FALSE);

    case 'n':
      reader->pos += 4;
      return json_node_init_null (json_node_alloc ());

    default:
      return read_number (reader);
    }
}

/**
 * _tandem_json_build_tree:
 * @data: text that tandem_json_check_syntax() accepted
 *
 * Returns: (transfer full) (nullable): the tree json_parser_load_from_data() would build
 */
JsonNode *
_tandem_json_build_tree (const char *data,
                         gsize       length)
{
  Reader reader = { data, length, 0, g_string_sized_new (256) };
  JsonNode *root = read_value (&reader);

  skip_space (&reader);
  if (root != NULL && reader.pos != length)
    g_clear_pointer (&root, json_node_unref);
  g_string_free (reader.text, TRUE);

  return root;
}
