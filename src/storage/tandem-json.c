/* tandem-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tandem-checklist.h"
#include "tandem-document-private.h"
#include "tandem-file-writer.h"
#include "tandem-json.h"
#include "tandem-object-private.h"
#include "tandem-step.h"
#include "tandem-storage-private.h"
#include "tandem-untrusted-file.h"
#include "tandem-vote.h"

/*
 * The JSON interchange format, read and written with json-glib from the same field
 * declarations as the SQLite file. Each object is a JSON object with "id", then its fields in
 * declaration order (names spelled with underscores, enumerations as their nicks), then its
 * lists as arrays. Writing is deterministic, so export, import, export gives identical bytes.
 *
 * Reading is strict, because JSON files come from other people and other tools: unknown
 * members, values of the wrong type, out-of-range numbers, over-long text and too-deep
 * nesting are refused with a sentence saying where.
 */

#define MAX_DEPTH 64

/* Writing */

static void
add_value (JsonBuilder  *builder,
           const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      json_builder_add_string_value (builder, text ? text : "");
    }
  else if (type == G_TYPE_BOOLEAN)
    json_builder_add_boolean_value (builder, g_value_get_boolean (value));
  else if (type == G_TYPE_INT)
    json_builder_add_int_value (builder, g_value_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    json_builder_add_double_value (builder, g_value_get_double (value));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      json_builder_add_string_value (builder, enum_value ? enum_value->value_nick : "");
    }
  else
    g_assert_not_reached ();
}

static void
build_object (JsonBuilder  *builder,
              TandemObject *object,
              GHashTable   *blobs)
{
  const TandemKindInfo *info = _tandem_storage_lookup_kind (G_OBJECT_TYPE (object));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, tandem_object_get_id (object));

  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (info->columns, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (object), pspec->name, &value);

      json_builder_set_member_name (builder, g_ptr_array_index (info->column_names, i));
      add_value (builder, &value);

      if (blobs != NULL && tandem_param_get_field_kind (pspec) == TANDEM_FIELD_BLOB &&
          g_value_get_string (&value) != NULL && g_value_get_string (&value)[0] != '\0')
        g_hash_table_add (blobs, g_value_dup_string (&value));
    }

  for (guint i = 0; i < info->lists->len; i++)
    {
      TandemList *list = tandem_object_peek_list (object, g_ptr_array_index (info->lists, i));

      json_builder_set_member_name (builder, g_ptr_array_index (info->list_names, i));
      json_builder_begin_array (builder);
      for (guint j = 0; list != NULL && j < tandem_list_get_n (list); j++)
        build_object (builder, tandem_list_get (list, j), blobs);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

/**
 * tandem_json_serialize:
 *
 * Returns: (transfer full): @object and its children as a JSON object
 */
JsonNode *
tandem_json_serialize (TandemObject *object)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  build_object (builder, object, NULL);

  return json_builder_get_root (builder);
}

char *
tandem_json_to_string (JsonNode *node,
                       gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *string = g_string_new (NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, string);
  g_string_append_c (string, '\n');

  if (length != NULL)
    *length = string->len;

  return g_string_free (string, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/**
 * tandem_json_write_document:
 *
 * Returns: (transfer full): the whole document, stored files included, as JSON text
 */
char *
tandem_json_write_document (TandemDocument  *document,
                            gsize           *length,
                            GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GHashTable) blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autofree const char **hashes = NULL;
  guint n_hashes;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, TANDEM_JSON_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, TANDEM_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "project");
  build_object (builder, TANDEM_OBJECT (document), blobs);

  hashes = (const char **)g_hash_table_get_keys_as_array (blobs, &n_hashes);
  if (n_hashes > 0)
    {
      qsort (hashes, n_hashes, sizeof (char *), compare_strings);

      json_builder_set_member_name (builder, "blobs");
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_hashes; i++)
        {
          g_autoptr(GBytes) bytes = tandem_storage_read_blob (document, hashes[i], error);
          g_autofree char *base64 = NULL;
          gsize size;
          gconstpointer data;

          if (bytes == NULL)
            return NULL;

          data = g_bytes_get_data (bytes, &size);
          base64 = g_base64_encode (data, size);
          json_builder_set_member_name (builder, hashes[i]);
          json_builder_add_string_value (builder, base64);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return tandem_json_to_string (root, length);
}

/* Reading */

/* Where the strict scan stopped, for its sentences: lines and columns count from 1, columns
 * in characters, as editors show them. */
static void
syntax_error (GError     **error,
              const char  *data,
              gsize        pos,
              const char  *format,
              ...) G_GNUC_PRINTF (4, 5);

static void
syntax_error (GError     **error,
              const char  *data,
              gsize        pos,
              const char  *format,
              ...)
{
  g_autofree char *what = NULL;
  gsize line_start = 0;
  guint line = 1;
  va_list args;

  for (gsize i = 0; i < pos; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
               _("Line %u, column %ld: %s"), line,
               g_utf8_pointer_to_offset (data + line_start, data + pos) + 1, what);
}

/* Says why the byte at @pos cannot be what was @expected, naming the extensions to JSON that
 * other tools write (comments, single quotes) so that the sentence says what to change. */
static gboolean
unexpected (GError     **error,
            const char  *data,
            gsize        length,
            gsize        pos,
            const char  *expected)
{
  if (pos >= length)
    syntax_error (error, data, pos, _("the text ends before the JSON does, perhaps because it "
                                      "was cut off. Ask for a complete copy."));
  else if (data[pos] == '/')
    syntax_error (error, data, pos, _("comments are not allowed in JSON. Remove them."));
  else if (data[pos] == '\'')
    syntax_error (error, data, pos, _("text in JSON is written in double quotes (\"), not "
                                      "single quotes."));
  else
    syntax_error (error, data, pos, "%s", expected);

  return FALSE;
}

/* Moves past the bytes of a string that need no look: not '"', not '\\', not a control
 * character. Eight at a time, since titles and descriptions are most of a large file. */
static inline gsize
skip_plain_text (const char *data,
                 gsize       length,
                 gsize       pos)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (pos + 8 <= length)
    {
      guint64 word, quote, backslash, control;

      memcpy (&word, data + pos, 8);
      quote = word ^ (ones * '"');
      backslash = word ^ (ones * '\\');
      /* A byte below 0x20 is one whose value minus 0x20 borrows, when its high bit is clear. */
      control = (word - ones * 0x20) & ~word;
      if ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | control) & highs)
        break;
      pos += 8;
    }

  while (pos < length && data[pos] != '"' && data[pos] != '\\' && (guchar)data[pos] >= 0x20)
    pos++;

  return pos;
}

static gboolean
scan_string (const char  *data,
             gsize        length,
             gsize       *pos,
             GError     **error)
{
  gsize i = *pos + 1;

  g_assert (data[*pos] == '"');

  while (i < length && data[i] != '"')
    {
      guchar c;

      i = skip_plain_text (data, length, i);
      if (i >= length || data[i] == '"')
        break;

      c = data[i];

      if (c < 0x20)
        {
          syntax_error (error, data, i, _("text holds a control character (such as a tab or a "
                                          "line break) that is not written as an escape like "
                                          "\\t or \\n."));
          return FALSE;
        }

      if (c != '\\')
        {
          i++;
          continue;
        }

      if (i + 1 >= length)
        break;

      switch (data[i + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          i += 2;
          break;

        case 'u':
          {
            guint code = 0;

            for (guint k = 2; k < 6; k++)
              {
                if (i + k >= length || !g_ascii_isxdigit (data[i + k]))
                  {
                    syntax_error (error, data, i, _("“\\u” is followed by four hexadecimal "
                                                    "digits in JSON."));
                    return FALSE;
                  }
                code = code * 16 + g_ascii_xdigit_value (data[i + k]);
              }

            /* json-glib would cut the text off here without a word: say so instead. */
            if (code == 0)
              {
                syntax_error (error, data, i, _("text holds the character \\u0000, which "
                                                "Tandem does not accept in text."));
                return FALSE;
              }

            if (code >= 0xDC00 && code <= 0xDFFF)
              {
                syntax_error (error, data, i, _("text holds half of a \\u surrogate pair."));
                return FALSE;
              }

            if (code >= 0xD800 && code <= 0xDBFF)
              {
                guint low = 0;

                if (i + 11 >= length || data[i + 6] != '\\' || data[i + 7] != 'u')
                  {
                    syntax_error (error, data, i, _("text holds half of a \\u surrogate "
                                                    "pair."));
                    return FALSE;
                  }
                for (guint k = 8; k < 12; k++)
                  {
                    if (!g_ascii_isxdigit (data[i + k]))
                      {
                        syntax_error (error, data, i + 6, _("“\\u” is followed by four "
                                                            "hexadecimal digits in JSON."));
                        return FALSE;
                      }
                    low = low * 16 + g_ascii_xdigit_value (data[i + k]);
                  }
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    syntax_error (error, data, i, _("text holds half of a \\u surrogate "
                                                    "pair."));
                    return FALSE;
                  }
                i += 6;
              }

            i += 6;
          }
          break;

        default:
          syntax_error (error, data, i, _("“\\%c” is not an escape JSON knows; write a "
                                          "backslash as \\\\."),
                        g_ascii_isprint (data[i + 1]) ? data[i + 1] : '?');
          return FALSE;
        }
    }

  if (i >= length)
    {
      syntax_error (error, data, *pos, _("text that begins here is not closed with \"."));
      return FALSE;
    }

  *pos = i + 1;
  return TRUE;
}

static gsize
scan_digits (const char *data,
             gsize       length,
             gsize       pos)
{
  while (pos < length && g_ascii_isdigit (data[pos]))
    pos++;

  return pos;
}

static gboolean
scan_number (const char  *data,
             gsize        length,
             gsize       *pos,
             GError     **error)
{
  gsize i = *pos, end;

  if (data[i] == '-')
    i++;

  /* One zero, or digits that do not begin with zero. */
  if (i < length && data[i] == '0')
    i++;
  else if ((end = scan_digits (data, length, i)) > i)
    i = end;
  else
    goto bad;

  if (i < length && data[i] == '.')
    {
      if ((end = scan_digits (data, length, i + 1)) == i + 1)
        goto bad;
      i = end;
    }

  if (i < length && (data[i] == 'e' || data[i] == 'E'))
    {
      i++;
      if (i < length && (data[i] == '+' || data[i] == '-'))
        i++;
      if ((end = scan_digits (data, length, i)) == i)
        goto bad;
      i = end;
    }

  /* json-glib turns a whole number beyond 64 bits into -1 without a word, and a larger
   * exponent than a double holds into infinity: refuse both rather than read something else. */
  /* Whole numbers of up to 18 digits fit, and so do decimals without an exponent that are
   * shorter than the largest double: most numbers need no second look. */
  if (memchr (data + *pos, 'e', i - *pos) == NULL && memchr (data + *pos, 'E', i - *pos) == NULL &&
      (memchr (data + *pos, '.', i - *pos) != NULL ? i - *pos < 300 : i - *pos <= 18))
    {
      *pos = i;
      return TRUE;
    }

  {
    g_autofree char *text = g_strndup (data + *pos, i - *pos);
    gboolean whole = strpbrk (text, ".eE") == NULL;

    if ((whole && !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, NULL, NULL)) ||
        (!whole && !isfinite (g_ascii_strtod (text, NULL))))
      {
        syntax_error (error, data, *pos, _("the number %.40s is beyond the range of numbers "
                                           "Tandem reads."), text);
        return FALSE;
      }
  }

  *pos = i;
  return TRUE;

bad:
  syntax_error (error, data, *pos, _("this number is not written as JSON writes numbers."));
  return FALSE;
}

static gsize
skip_space (const char *data,
            gsize       length,
            gsize       pos)
{
  while (pos < length &&
         (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\n' || data[pos] == '\r'))
    pos++;

  return pos;
}

/* g_utf8_validate_len() looks at every byte on its own; a JSON file is nearly all ASCII, so
 * skip eight ASCII bytes at a time and hand only the stretches around other bytes to GLib.
 * At 100,000 steps this is most of the time the strict scan takes. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **invalid)
{
  gsize pos = 0;

  while (pos < length)
    {
      gsize start, end;

      while (pos + 8 <= length)
        {
          guint64 word;

          memcpy (&word, data + pos, 8);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          pos += 8;
        }
      while (pos < length && (guchar)data[pos] < 0x80)
        pos++;
      if (pos >= length)
        break;

      /* From the first byte that is not ASCII to the next one that is: whole characters. */
      start = pos;
      end = pos;
      while (end < length && (guchar)data[end] >= 0x80)
        end++;
      if (!g_utf8_validate_len (data + start, end - start, invalid))
        return FALSE;
      pos = end;
    }

  return TRUE;
}

static gboolean check_syntax (const char  *data,
                              gsize        length,
                              guint        max_depth,
                              guint        max_objects,
                              GError     **error);

/**
 * tandem_json_check_syntax:
 * @max_depth: how many objects and arrays may be open at once
 *
 * Checks that @data is JSON exactly as RFC 8259 defines it, nested at most @max_depth
 * deep, before json-glib parses it.
 *
 * json-glib recurses once per level of nesting, so a file of 100,000 opening brackets
 * would exhaust the stack; and it accepts more than JSON (comments, single quotes), which
 * could hide brackets from any count that does not read JSON the way json-glib does. So
 * this reads the tokens of strict JSON only, counting depth on the real brackets, and
 * refuses everything else with a sentence: whatever passes here, json-glib reads with the
 * same nesting. It also refuses \u0000, which json-glib would silently cut text at.
 *
 * Returns: %FALSE with @error set to a sentence saying where and what is wrong
 */
gboolean
tandem_json_check_syntax (const char  *data,
                          gsize        length,
                          guint        max_depth,
                          GError     **error)
{
  return check_syntax (data, length, max_depth, G_MAXUINT, error);
}

/* As tandem_json_check_syntax(), and refuses the text as soon as it has opened more than
 * @max_objects objects, before the rest is read: a file far over the limit is refused in
 * the time it takes to scan the part under it. */
static gboolean
check_syntax (const char  *data,
              gsize        length,
              guint        max_depth,
              guint        max_objects,
              GError     **error)
{
  g_autofree char *stack = NULL;
  const char *invalid = NULL;
  guint n_objects = 0;
  guint depth = 0;
  gsize pos = 0;

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("It holds zero bytes, so it is not JSON text."));
      return FALSE;
    }

  if (!validate_utf8 (data, length, &invalid))
    {
      syntax_error (error, data, invalid - data, _("it is not UTF-8 text. Save it as UTF-8."));
      return FALSE;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("It begins with a byte order mark, which JSON does not have. Save it as "
                     "UTF-8 without one."));
      return FALSE;
    }

  if (skip_space (data, length, 0) == length)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("It is empty."));
      return FALSE;
    }

  stack = g_malloc (MAX (max_depth, 1));

value:
  pos = skip_space (data, length, pos);
  if (pos >= length)
    return unexpected (error, data, length, pos, NULL);

  switch (data[pos])
    {
    case '{':
    case '[':
      if (depth >= max_depth)
        {
          syntax_error (error, data, pos, _("it is nested more than %u levels deep, deeper "
                                            "than any Tandem file."), max_depth);
          return FALSE;
        }
      if (data[pos] == '{' && ++n_objects > max_objects)
        {
          _tandem_storage_set_too_many_objects (error);
          return FALSE;
        }
      stack[depth++] = data[pos++];
      pos = skip_space (data, length, pos);
      if (pos < length && data[pos] == (stack[depth - 1] == '{' ? '}' : ']'))
        {
          depth--;
          pos++;
          goto after_value;
        }
      if (stack[depth - 1] == '{')
        goto member;
      goto value;

    case '"':
      if (!scan_string (data, length, &pos, error))
        return FALSE;
      goto after_value;

    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!scan_number (data, length, &pos, error))
        return FALSE;
      goto after_value;

    default:
      for (guint i = 0; i < 3; i++)
        {
          static const char *const words[] = { "true", "false", "null" };
          gsize n = strlen (words[i]);

          if (length - pos >= n && memcmp (data + pos, words[i], n) == 0)
            {
              pos += n;
              goto after_value;
            }
        }
      return unexpected (error, data, length, pos,
                         _("a value (text in double quotes, a number, true, false, null, an "
                           "object or an array) should be here."));
    }

member:
  pos = skip_space (data, length, pos);
  if (pos >= length || data[pos] != '"')
    return unexpected (error, data, length, pos,
                       _("the name of a member, in double quotes, should be here."));
  if (!scan_string (data, length, &pos, error))
    return FALSE;
  pos = skip_space (data, length, pos);
  if (pos >= length || data[pos] != ':')
    return unexpected (error, data, length, pos, _("“:” should follow the name of a member."));
  pos++;
  goto value;

after_value:
  pos = skip_space (data, length, pos);
  if (depth == 0)
    {
      if (pos == length)
        return TRUE;
      return unexpected (error, data, length, pos,
                         _("there is more after the end of the JSON value."));
    }

  if (pos < length && data[pos] == ',')
    {
      pos++;
      if (stack[depth - 1] == '{')
        goto member;
      goto value;
    }

  if (pos < length && data[pos] == (stack[depth - 1] == '{' ? '}' : ']'))
    {
      depth--;
      pos++;
      goto after_value;
    }

  return unexpected (error, data, length, pos,
                     stack[depth - 1] == '{' ? _("“,” or “}” should be here.")
                                             : _("“,” or “]” should be here."));
}

static gboolean
json_error (GError     **error,
            const char  *path,
            const char  *format,
            ...) G_GNUC_PRINTF (3, 4);

static gboolean
json_error (GError     **error,
            const char  *path,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "At /project/conditions/2/label: The value should be text." */
  g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
               _("At %s: %s"), path, message);

  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");

  switch (json_node_get_value_type (node) == G_TYPE_STRING ? 0 :
          json_node_get_value_type (node) == G_TYPE_BOOLEAN ? 1 : 2)
    {
    case 0:
      return _("text");
    case 1:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
read_value (JsonNode    *node,
            GParamSpec  *pspec,
            GValue      *value,
            const char  *path,
            GError     **error)
{
  GType type = pspec->value_type;
  GType node_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      if (node_type != G_TYPE_STRING)
        return json_error (error, path, _("Expected text, found %s."), node_type_name (node));
      g_value_set_string (value, json_node_get_string (node));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (node_type != G_TYPE_BOOLEAN)
        return json_error (error, path, _("Expected true or false, found %s."),
                           node_type_name (node));
      g_value_set_boolean (value, json_node_get_boolean (node));
    }
  else if (type == G_TYPE_INT)
    {
      gint64 v;

      if (node_type != G_TYPE_INT64)
        return json_error (error, path, _("Expected a whole number, found %s."),
                           node_type_name (node));
      v = json_node_get_int (node);
      if (v < G_MININT || v > G_MAXINT)
        return json_error (error, path, _("The number %lld is out of range."), (long long)v);
      g_value_set_int (value, (int)v);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      double v;

      if (node_type != G_TYPE_DOUBLE && node_type != G_TYPE_INT64)
        return json_error (error, path, _("Expected a number, found %s."), node_type_name (node));
      v = json_node_get_double (node);
      if (!isfinite (v))
        return json_error (error, path, _("The number is out of range."));
      g_value_set_double (value, v);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value;

      if (node_type != G_TYPE_STRING)
        return json_error (error, path, _("Expected text, found %s."), node_type_name (node));

      enum_value = g_enum_get_value_by_nick (enum_class, json_node_get_string (node));
      if (enum_value == NULL)
        {
          g_autoptr(GString) allowed = g_string_new (NULL);

          for (guint i = 0; i < enum_class->n_values; i++)
            g_string_append_printf (allowed, "%s“%s”", i ? ", " : "",
                                    enum_class->values[i].value_nick);
          return json_error (error, path, _("“%.40s” is not one of %s."),
                             json_node_get_string (node), allowed->str);
        }
      g_value_set_enum (value, enum_value->value);
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

static gboolean
member_is_known (const TandemKindInfo *info,
                 const char           *name)
{
  if (g_str_equal (name, "id"))
    return TRUE;

  for (guint i = 0; i < info->column_names->len; i++)
    {
      if (g_str_equal (name, g_ptr_array_index (info->column_names, i)))
        return TRUE;
    }

  for (guint i = 0; i < info->list_names->len; i++)
    {
      if (g_str_equal (name, g_ptr_array_index (info->list_names, i)))
        return TRUE;
    }

  return FALSE;
}

/* What reading one file carries from object to object. */
typedef struct
{
  guint  n_objects;
  gint64 version;  /* the format the file says it is in */
} ReadState;

/* A step of a file before format 5 has one "feeling" and no units: the feeling becomes one
 * vote (with the id the SQLite migration gives it, see schema/5.sql) and the units are the
 * ones Tandem showed until then, as for a document file. */
static gboolean
is_legacy_member (const TandemKindInfo *info,
                  const ReadState      *state,
                  const char           *name)
{
  return state->version < 5 && info->type == TANDEM_TYPE_STEP && g_str_equal (name, "feeling");
}

static gboolean
read_legacy_step (JsonObject     *json,
                  TandemStep     *step,
                  const char     *path,
                  GError        **error)
{
  JsonNode *member = json_object_get_member (json, "feeling");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *member_path = g_strdup_printf ("%s/feeling", path);
  g_autoptr(GTypeClass) vote_class = g_type_class_ref (TANDEM_TYPE_VOTE);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (vote_class), "feeling");

  if (!json_object_has_member (json, "wait_unit"))
    tandem_step_set_wait_unit (step,
                               tandem_time_unit_for_minutes (tandem_step_get_wait_minutes (step)));
  if (!json_object_has_member (json, "duration_unit"))
    tandem_step_set_duration_unit (step,
                                   tandem_time_unit_for_minutes (tandem_step_get_duration_minutes (step)));

  if (member == NULL)
    return TRUE;

  if (!read_value (member, pspec, &value, member_path, error))
    return FALSE;

  if (g_value_get_enum (&value) != TANDEM_FEELING_UNKNOWN)
    {
      const char *step_id = tandem_object_get_id (TANDEM_OBJECT (step));
      g_autofree char *id = strlen (step_id) <= 59 ? g_strconcat (step_id, "-vote", NULL)
                                                   : g_uuid_string_random ();
      g_autoptr(TandemVote) vote = g_object_new (TANDEM_TYPE_VOTE, "id", id, NULL);

      tandem_vote_set_feeling (vote, g_value_get_enum (&value));
      tandem_list_append (tandem_step_get_votes (step), vote);
    }

  return TRUE;
}

static TandemObject *
read_object (JsonNode              *node,
             const TandemKindInfo  *info,
             TandemDocument        *document,
             const char            *path,
             ReadState             *state,
             GError               **error)
{
  g_autoptr(TandemObject) object = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *json;
  JsonNode *id_node;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      json_error (error, path, _("Expected an object, found %s."), node_type_name (node));
      return NULL;
    }

  if (++state->n_objects > TANDEM_MAX_OBJECTS)
    {
      _tandem_storage_set_too_many_objects (error);
      return NULL;
    }

  json = json_node_get_object (node);
  members = json_object_get_members (json);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!member_is_known (info, l->data) && !is_legacy_member (info, state, l->data))
        {
          json_error (error, path, _("“%.40s” is not a field of this %s."),
                      (const char *)l->data, _tandem_storage_kind_words (info->kind));
          return NULL;
        }
    }

  id_node = json_object_get_member (json, "id");
  if (id_node == NULL || !JSON_NODE_HOLDS_VALUE (id_node) ||
      json_node_get_value_type (id_node) != G_TYPE_STRING ||
      json_node_get_string (id_node)[0] == '\0' || strlen (json_node_get_string (id_node)) > 64)
    {
      json_error (error, path, _("Every %s needs an “id”: text of at most 64 characters."),
                  _tandem_storage_kind_words (info->kind));
      return NULL;
    }

  if (info->parent == NULL)
    {
      object = g_object_new (info->type, "id", json_node_get_string (id_node), NULL);
      if (document == NULL)
        document = TANDEM_DOCUMENT (object);
      _tandem_document_begin_loading (TANDEM_DOCUMENT (object));
    }
  else
    object = g_object_new (info->type, "id", json_node_get_string (id_node), NULL);

  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (info->columns, i);
      const char *name = g_ptr_array_index (info->column_names, i);
      JsonNode *member = json_object_get_member (json, name);
      g_autofree char *member_path = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) local_error = NULL;

      if (member == NULL)
        continue;

      /* Where the value is, only for a sentence about it: most values are fine. */
      if (!read_value (member, pspec, &value, NULL, NULL))
        {
          member_path = g_strdup_printf ("%s/%s", path, name);
          g_value_unset (&value);
          read_value (member, pspec, &value, member_path, error);
          goto fail;
        }

      if (!_tandem_storage_set_column (G_OBJECT (object), pspec, &value, &local_error))
        {
          member_path = g_strdup_printf ("%s/%s", path, name);
          json_error (error, member_path, "%s", local_error->message);
          goto fail;
        }
    }

  for (guint i = 0; i < info->lists->len; i++)
    {
      const char *name = g_ptr_array_index (info->list_names, i);
      const TandemKindInfo *child_info = g_ptr_array_index (info->list_kinds, i);
      JsonNode *member = json_object_get_member (json, name);
      g_autofree char *member_path = g_strdup_printf ("%s/%s", path, name);
      TandemList *list;
      JsonArray *array;

      if (member == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          json_error (error, member_path, _("Expected a list, found %s."), node_type_name (member));
          goto fail;
        }

      list = tandem_object_get_list (object, g_ptr_array_index (info->lists, i));
      array = json_node_get_array (member);

      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          g_autofree char *child_path = g_strdup_printf ("%s/%u", member_path, j);
          g_autoptr(TandemObject) child = NULL;

          child = read_object (json_array_get_element (array, j), child_info, document,
                               child_path, state, error);
          if (child == NULL)
            goto fail;

          if (document != NULL &&
              tandem_document_lookup (document, tandem_object_get_id (child)) != NULL)
            {
              json_error (error, child_path, _("The id “%s” is used twice."),
                          tandem_object_get_id (child));
              goto fail;
            }

          tandem_list_append (list, child);
        }
    }

  if (state->version < 5 && info->type == TANDEM_TYPE_STEP &&
      !read_legacy_step (json, TANDEM_STEP (object), path, error))
    goto fail;

  if (info->parent == NULL)
    _tandem_document_end_loading (TANDEM_DOCUMENT (object));

  return g_steal_pointer (&object);

fail:
  if (info->parent == NULL)
    _tandem_document_end_loading (TANDEM_DOCUMENT (object));

  return NULL;
}

/**
 * tandem_json_deserialize:
 * @type: the kind of object @node describes
 * @path: where @node is, for messages
 *
 * Builds a new object tree, not in any document, from JSON written by
 * tandem_json_serialize(). References and validation are checked when it is added to a
 * document.
 *
 * Returns: (transfer full): the object
 */
TandemObject *
tandem_json_deserialize (JsonNode    *node,
                         GType        type,
                         const char  *path,
                         GError     **error)
{
  return tandem_json_deserialize_version (node, type, path, TANDEM_SCHEMA_VERSION, error);
}

/**
 * tandem_json_deserialize_version:
 * @version: the format @node was written in, at most %TANDEM_SCHEMA_VERSION
 *
 * As tandem_json_deserialize(), for JSON written by an older Tandem (steps copied to the
 * clipboard by one, for instance), which reads as a document file of that version does.
 */
TandemObject *
tandem_json_deserialize_version (JsonNode    *node,
                                 GType        type,
                                 const char  *path,
                                 gint64       version,
                                 GError     **error)
{
  const TandemKindInfo *info = _tandem_storage_lookup_kind (type);
  ReadState state = { 0, version };

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (version <= TANDEM_SCHEMA_VERSION, NULL);

  return read_object (node, info, NULL, path, &state, error);
}

static gboolean
read_blobs (JsonNode        *node,
            TandemDocument  *document,
            GError         **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_error (error, "/blobs", _("Expected an object, found %s."),
                       node_type_name (node));

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *hash = l->data;
      JsonNode *member = json_object_get_member (object, hash);
      g_autofree char *path = g_strdup_printf ("/blobs/%.64s", hash);
      g_autofree guchar *data = NULL;
      g_autofree char *actual = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *base64;
      gsize size;

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        return json_error (error, path, _("Expected text, found %s."), node_type_name (member));

      base64 = json_node_get_string (member);
      if (strlen (base64) / 4 * 3 > TANDEM_BLOB_MAX + 3)
        return json_error (error, path, _("The stored file is larger than %d MB."),
                           TANDEM_BLOB_MAX / (1024 * 1024));

      data = g_base64_decode (base64, &size);
      bytes = g_bytes_new (data, size);
      actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      if (!g_str_equal (actual, hash))
        return json_error (error, path, _("The stored file does not match its name (its SHA-256)."));

      _tandem_document_add_memory_blob (document, hash, bytes);
    }

  return TRUE;
}

/**
 * tandem_json_read_document:
 *
 * Returns: (transfer full): a new, unmodified document, or %NULL with @error set
 */
TandemDocument *
tandem_json_read_document (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *root;
  JsonNode *node;
  ReadState state = { 0, 0 };
  gint64 version;

  if (length > TANDEM_JSON_MAX_SIZE)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE,
                   _("It is larger than %d MB, more than Tandem reads."),
                   TANDEM_JSON_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* The objects of the model, and two that are not: the file's own and "blobs". */
  if (!check_syntax (data, length, MAX_DEPTH, TANDEM_MAX_OBJECTS + 2, error))
    return NULL;

  /* The scan found every token, so the tree is built without json-glib's parser, which
   * would read them all again more slowly (tandem-json-tree.c). */
  tree = _tandem_json_build_tree (data, length);
  node = tree;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      json_error (error, "/", _("A Tandem JSON file is an object with “format”, “version” and "
                                "“project”."));
      return NULL;
    }

  root = json_node_get_object (node);
  members = json_object_get_members (root);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_str_equal (l->data, "format") && !g_str_equal (l->data, "version") &&
          !g_str_equal (l->data, "project") && !g_str_equal (l->data, "blobs"))
        {
          json_error (error, "/", _("“%.40s” is not part of the Tandem format."),
                      (const char *)l->data);
          return NULL;
        }
    }

  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 TANDEM_JSON_FORMAT) != 0)
    {
      json_error (error, "/format", _("This is not a Tandem project: “format” should be "
                                      "“%s”."), TANDEM_JSON_FORMAT);
      return NULL;
    }

  /* json-glib reads a whole number too large for 64 bits as a double: say what it is, not
   * what a cast makes of it. */
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      json_error (error, "/version", _("“version” should be a whole number."));
      return NULL;
    }

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (number, sizeof number, json_node_get_double (node));
      json_error (error, "/version", _("“version” is %s, which is not the number of any Tandem "
                                       "file format (1 to %d)."), number, TANDEM_SCHEMA_VERSION);
      return NULL;
    }

  if (json_node_get_int (node) < 1)
    {
      json_error (error, "/version", _("“version” is %" G_GINT64_FORMAT ", but Tandem file "
                                       "formats are numbered from 1."), json_node_get_int (node));
      return NULL;
    }

  version = json_node_get_int (node);

  /* Older versions only lack what later versions added, which reads as defaults. */
  if (json_node_get_int (node) > TANDEM_SCHEMA_VERSION)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NEWER_VERSION,
                   _("It was written by a newer version of Tandem (format %" G_GINT64_FORMAT
                     "; this version reads up to %d). Please update Tandem."),
                   json_node_get_int (node), TANDEM_SCHEMA_VERSION);
      return NULL;
    }

  node = json_object_get_member (root, "project");
  if (node == NULL)
    {
      json_error (error, "/", _("There is no “project”."));
      return NULL;
    }

  state.version = version;
  document = TANDEM_DOCUMENT (read_object (node, _tandem_storage_lookup_kind (TANDEM_TYPE_DOCUMENT),
                                           NULL, "/project", &state, error));
  if (document == NULL)
    return NULL;

  node = json_object_get_member (root, "blobs");
  if (node != NULL && !read_blobs (node, document, error))
    return NULL;

  if (!_tandem_storage_check_document (document, error))
    return NULL;

  /* Files from before format 4 had no hashes: chain their trails as they are now. */
  if (version < 4)
    tandem_document_seal_legacy (document);

  return g_steal_pointer (&document);
}

/**
 * tandem_json_export:
 *
 * Writes the whole document as JSON, atomically.
 */
gboolean
tandem_json_export (TandemDocument  *document,
                    GFile           *file,
                    GError         **error)
{
  g_autofree char *data = NULL;
  gsize length;

  data = tandem_json_write_document (document, &length, error);
  if (data == NULL)
    return FALSE;

  return tandem_file_replace_contents (file, data, length, error);
}

/**
 * tandem_json_import:
 *
 * Returns: (transfer full): a new document read from a JSON file, or %NULL with @error set
 *   to a sentence naming the file
 */
TandemDocument *
tandem_json_import (GFile   *file,
                    GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TandemDocument *document;
  gsize length;
  const char *data;

  bytes = tandem_untrusted_file_read (file, TANDEM_JSON_MAX_SIZE, _("a Tandem JSON file"),
                                      &display_name, NULL, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  document = tandem_json_read_document (data, length, &local_error);
  if (document == NULL)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR,
                   local_error->domain == TANDEM_STORAGE_ERROR ? local_error->code
                                                               : TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                   _("“%s” is not a valid Tandem JSON file. %s"), display_name,
                   local_error->message);
      return NULL;
    }

  return document;
}

/* Fresh ids, for pasting copies */

/**
 * tandem_json_renew_ids:
 * @node: a mutable JSON object of kind @type, as tandem_json_serialize() writes
 * @ids: (element-type utf8 utf8): receives each old id and the new one given instead
 *
 * Gives @node and every object inside it a new id, so that a pasted copy never shares ids
 * with what it was copied from. Members that are not what @type expects are left alone;
 * tandem_json_deserialize() refuses them afterwards.
 */
void
tandem_json_renew_ids (JsonNode   *node,
                       GType       type,
                       GHashTable *ids)
{
  const TandemKindInfo *info = _tandem_storage_lookup_kind (type);
  JsonObject *object;
  JsonNode *id;

  g_return_if_fail (info != NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  id = json_object_get_member (object, "id");
  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
    {
      char *fresh = g_uuid_string_random ();

      g_hash_table_insert (ids, g_strdup (json_node_get_string (id)), fresh);
      json_object_set_string_member (object, "id", fresh);
    }

  for (guint i = 0; i < info->lists->len; i++)
    {
      JsonNode *member = json_object_get_member (object, g_ptr_array_index (info->list_names, i));
      const TandemKindInfo *child = g_ptr_array_index (info->list_kinds, i);

      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
        continue;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (member)); j++)
        tandem_json_renew_ids (json_array_get_element (json_node_get_array (member), j),
                               child->type, ids);
    }
}

/**
 * tandem_json_relink:
 * @ids: (element-type utf8 utf8): old ids and their replacements
 *
 * Points the references in @node (and inside it) that name an old id at its replacement.
 */
void
tandem_json_relink (JsonNode   *node,
                    GType       type,
                    GHashTable *ids)
{
  const TandemKindInfo *info = _tandem_storage_lookup_kind (type);
  JsonObject *object;

  g_return_if_fail (info != NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);

  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (info->columns, i);
      const char *name = g_ptr_array_index (info->column_names, i);
      JsonNode *member = json_object_get_member (object, name);
      const char *target;

      if (tandem_param_get_field_kind (pspec) != TANDEM_FIELD_REFERENCE || member == NULL ||
          !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        continue;

      target = g_hash_table_lookup (ids, json_node_get_string (member));
      if (target != NULL)
        json_object_set_string_member (object, name, target);
    }

  for (guint i = 0; i < info->lists->len; i++)
    {
      JsonNode *member = json_object_get_member (object, g_ptr_array_index (info->list_names, i));
      const TandemKindInfo *child = g_ptr_array_index (info->list_kinds, i);

      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
        continue;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (member)); j++)
        tandem_json_relink (json_array_get_element (json_node_get_array (member), j),
                            child->type, ids);
    }
}
