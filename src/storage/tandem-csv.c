/* tandem-csv.c: engagement logs kept in spreadsheets, in and out as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and writing the cells is libcsv's (RFC 4180, strict mode): Tandem only decides what
 * the cells mean. An import is read whole into a preview first — how each column was matched,
 * every row's problems, the groups it would add — and changes the document only in
 * tandem_csv_import_apply(), in one undo step.
 */

#define G_LOG_DOMAIN "tandem-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-activity.h"
#include "tandem-activity-group.h"
#include "tandem-builtin-groups.h"
#include "tandem-engagement.h"
#include "tandem-enums.h"
#include "tandem-file-writer.h"
#include "tandem-group.h"
#include "tandem-labels.h"
#include "tandem-list.h"
#include "tandem-theme.h"

#include "tandem-csv.h"

#define MAX_PEOPLE 10000000

typedef enum
{
  COL_IGNORED = -1,
  COL_TITLE,
  COL_DATE,
  COL_STAGE,
  COL_METHOD,
  COL_PLACE,
  COL_PEOPLE,
  COL_GROUPS,
  COL_RUNG,
  COL_SUPPORT,
  COL_NOTES,
  N_COLS
} Col;

/* The header names each column answers to, compared case-insensitively with spaces, "_" and
 * "-" folded together. The first is the name Tandem writes on export. */
static const char *const col_names[N_COLS][12] = {
  [COL_TITLE] = { "Activity", "Title", "Activity title", "Activity name", "Name", "Event",
                  "What", NULL },
  [COL_DATE] = { "Date", "Activity date", "Date of activity", "When", "Day", NULL },
  [COL_STAGE] = { "Stage", "Stage of change", "Change stage", "Phase", NULL },
  [COL_METHOD] = { "Method", "Engagement method", "Type", "Activity type", "Type of activity",
                   "Format", NULL },
  [COL_PLACE] = { "Place", "Venue", "Location", "Where", NULL },
  [COL_PEOPLE] = { "Number of people", "People", "Participants", "Number of participants",
                   "Attendees", "Attendance", "Number attended", "No. of people", "Count",
                   "Headcount", "Reach", NULL },
  [COL_GROUPS] = { "Groups reached", "Groups", "Group", "Communities", "Who", "Groups engaged",
                   "Audience", NULL },
  [COL_RUNG] = { "Ladder", "Ladder rung", "Rung", "Ladder of co-production",
                 "Level of involvement", NULL },
  [COL_SUPPORT] = { "Support", "Support offered", "Support given", NULL },
  [COL_NOTES] = { "Notes", "Note", "Comments", "Comment", "Description", NULL },
};

static const char *
col_label (Col col)
{
  switch (col)
    {
    case COL_TITLE:
      return _("Activity");
    case COL_DATE:
      return _("Date");
    case COL_STAGE:
      return _("Stage");
    case COL_METHOD:
      return _("Method");
    case COL_PLACE:
      return _("Place");
    case COL_PEOPLE:
      return _("Number of people");
    case COL_GROUPS:
      return _("Groups reached");
    case COL_RUNG:
      return _("Ladder");
    case COL_SUPPORT:
      return _("Support");
    case COL_NOTES:
      return _("Notes");
    case COL_IGNORED:
    case N_COLS:
    default:
      return "";
    }
}

typedef struct
{
  guint         row;
  gboolean      bad;
  char         *title;
  char         *date;
  int           stage;
  int           method;
  char         *place;
  int           people;
  int           rung;
  guint         support;
  char         *notes;
  GPtrArray    *groups;  /* names as written */
} Row;

struct _TandemCsvImport
{
  TandemDocument *document;
  GPtrArray      *headers;     /* char* */
  GArray         *cols;        /* Col per column */
  GArray         *rows;        /* Row */
  GArray         *problems;    /* TandemCsvProblem */
  GPtrArray      *builtin;     /* TandemGroup, the built-in list */
  GPtrArray      *new_groups;  /* char*, names the import would add */
  GPtrArray      *new_builtin; /* gboolean-as-pointer: the name is a built-in group */
  gboolean        applied;
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->title);
  g_free (row->date);
  g_free (row->place);
  g_free (row->notes);
  g_clear_pointer (&row->groups, g_ptr_array_unref);
}

static void
problem_clear (gpointer data)
{
  TandemCsvProblem *problem = data;

  g_free (problem->column);
  g_free (problem->message);
}

void
tandem_csv_import_free (TandemCsvImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->document);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->cols, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->builtin, g_ptr_array_unref);
  g_clear_pointer (&self->new_groups, g_ptr_array_unref);
  g_clear_pointer (&self->new_builtin, g_ptr_array_unref);
  g_free (self);
}

/* Lower case, trimmed, with runs of spaces, "_" and "-" made one space, so that "Number_of
 * people", "number of  people" and "Number-of-people" are the same name. */
static char *
normalise (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-' || *p == '\t' || *p == '\r' || *p == '\n')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  /* "Date:" and "Number of people (total)" are the same columns. */
  while (out->len > 0 && strchr (":.*", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *na = normalise (a);
  g_autofree char *nb = normalise (b);

  return g_strcmp0 (na, nb) == 0;
}

static Col
match_header (const char *header)
{
  for (int col = 0; col < N_COLS; col++)
    for (guint i = 0; col_names[col][i] != NULL; i++)
      {
        if (same_words (header, col_names[col][i]))
          return col;
      }

  /* The translated name the export writes. */
  for (int col = 0; col < N_COLS; col++)
    if (same_words (header, col_label (col)))
      return col;

  return COL_IGNORED;
}

/* A cell that began with = + - or @ was written with an apostrophe in front, so that a
 * spreadsheet does not run it as a formula; take the apostrophe off again. */
static char *
cell_text (const char *cell)
{
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@", cell[1]) != NULL)
    cell++;

  return g_strstrip (g_strdup (cell));
}

typedef struct
{
  GPtrArray *records;  /* GPtrArray of char* */
  GPtrArray *current;
} Reader;

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  Reader *reader = user_data;

  if (reader->current == NULL)
    reader->current = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (reader->current, g_strndup (data != NULL ? data : "", len));
}

static void
on_record (int   c,
           void *user_data)
{
  Reader *reader = user_data;

  (void)c;
  if (reader->current == NULL)
    reader->current = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (reader->records, g_steal_pointer (&reader->current));
}

static gboolean
row_is_blank (GPtrArray *record)
{
  for (guint i = 0; i < record->len; i++)
    {
      const char *cell = g_ptr_array_index (record, i);

      for (const char *p = cell; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }

  return TRUE;
}

static void
add_problem (TandemCsvImport *self,
             Row             *row,
             Col              col,
             char            *message)
{
  TandemCsvProblem problem = { row->row, g_strdup (col_label (col)), message };

  row->bad = TRUE;
  g_array_append_val (self->problems, problem);
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Dates as spreadsheets in the UK write them: 2026-03-31, 31/03/2026, 31-03-2026, 31.03.2026.
 * Day first: Tandem is for the NHS, and a guess the other way round would be silently wrong. */
static char *
parse_date (const char  *text,
            char       **problem)
{
  g_auto(GStrv) parts = NULL;
  int y, m, d;
  char sep = '\0';

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '-' || *p == '/' || *p == '.')
      {
        sep = *p;
        break;
      }

  if (sep != '\0')
    {
      char seps[2] = { sep, '\0' };

      parts = g_strsplit (text, seps, -1);
    }

  if (parts == NULL || g_strv_length (parts) != 3 || !all_digits (parts[0]) ||
      !all_digits (parts[1]) || !all_digits (parts[2]) ||
      strlen (parts[0]) > 4 || strlen (parts[1]) > 2 || strlen (parts[2]) > 4)
    {
      *problem = g_strdup_printf (_("“%s” is not a date; write it as 2026-03-31 or 31/03/2026."),
                                  text);
      return NULL;
    }

  if (strlen (parts[0]) == 4)
    {
      y = atoi (parts[0]);
      m = atoi (parts[1]);
      d = atoi (parts[2]);
    }
  else if (strlen (parts[2]) == 4)
    {
      d = atoi (parts[0]);
      m = atoi (parts[1]);
      y = atoi (parts[2]);
    }
  else
    {
      *problem = g_strdup_printf (_("“%s” does not give the year in full; write it as "
                                    "31/03/2026 or 2026-03-31."), text);
      return NULL;
    }

  if (y < 1 || !g_date_valid_dmy (d, m, y))
    {
      *problem = g_strdup_printf (_("“%s” is not a date: there is no such day. Write it as "
                                    "31/03/2026 (day, month, year) or 2026-03-31."), text);
      return NULL;
    }

  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Matches @text against the labels of an enum and its nicks; -1 when nothing matches. */
static int
match_enum (GType         type,
            const char *(*to_label) (int),
            const char   *text)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;

      if (same_words (text, to_label (value)) || same_words (text, klass->values[i].value_nick))
        return value;
    }

  return -1;
}

static char *
list_labels (GType         type,
             const char *(*to_label) (int))
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *label = to_label (klass->values[i].value);

      if (*label == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, label);
    }

  return g_string_free (out, FALSE);
}

static const char *
stage_label (int value)
{
  return tandem_change_stage_to_label (value);
}

static const char *
method_label (int value)
{
  return tandem_engagement_method_to_label (value);
}

static const char *
rung_label (int value)
{
  return tandem_ladder_rung_to_label (value);
}

static gboolean
check_text (Row         *row,
            const char  *field,
            const char  *text,
            char       **problem)
{
  GObjectClass *klass = g_type_class_ref (TANDEM_TYPE_ACTIVITY);
  GParamSpec *pspec = g_object_class_find_property (klass, field);
  g_autoptr(GError) error = NULL;

  (void)row;
  g_type_class_unref (klass);
  if (pspec == NULL || tandem_field_check_text (pspec, text, &error))
    return TRUE;

  *problem = g_strdup (error->message);
  return FALSE;
}

static void
read_cell (TandemCsvImport *self,
           Row             *row,
           Col              col,
           const char      *raw)
{
  g_autofree char *text = cell_text (raw);
  char *problem = NULL;
  int value;

  switch (col)
    {
    case COL_TITLE:
      if (*text == '\0')
        add_problem (self, row, col, g_strdup (_("The activity has no title; write what it "
                                                 "was, such as “Drop-in at the library”.")));
      else if (!check_text (row, "title", text, &problem))
        add_problem (self, row, col, problem);
      else
        row->title = g_steal_pointer (&text);
      break;

    case COL_DATE:
      if (*text == '\0')
        add_problem (self, row, col, g_strdup (_("The date is blank; write the day the "
                                                 "activity took place, such as 31/03/2026.")));
      else if ((row->date = parse_date (text, &problem)) == NULL)
        add_problem (self, row, col, problem);
      break;

    case COL_STAGE:
      value = *text == '\0' ? -1 : match_enum (TANDEM_TYPE_CHANGE_STAGE, stage_label, text);
      if (value < 0)
        {
          g_autofree char *words = list_labels (TANDEM_TYPE_CHANGE_STAGE, stage_label);

          add_problem (self, row, col,
                       *text == '\0'
                       ? g_strdup_printf (_("The stage is blank; write one of: %s."), words)
                       : g_strdup_printf (_("“%s” is not a stage Tandem knows; write one of: "
                                            "%s."), text, words));
        }
      else
        row->stage = value;
      break;

    case COL_METHOD:
      value = *text == '\0' ? TANDEM_ENGAGEMENT_METHOD_OTHER
                            : match_enum (TANDEM_TYPE_ENGAGEMENT_METHOD, method_label, text);
      if (value < 0)
        {
          g_autofree char *words = list_labels (TANDEM_TYPE_ENGAGEMENT_METHOD, method_label);

          add_problem (self, row, col,
                       g_strdup_printf (_("“%s” is not a method Tandem knows; write one of: "
                                          "%s."), text, words));
        }
      else
        row->method = value;
      break;

    case COL_RUNG:
      value = *text == '\0' ? TANDEM_LADDER_RUNG_NONE
                            : match_enum (TANDEM_TYPE_LADDER_RUNG, rung_label, text);
      if (value < 0)
        {
          g_autofree char *words = list_labels (TANDEM_TYPE_LADDER_RUNG, rung_label);

          add_problem (self, row, col,
                       g_strdup_printf (_("“%s” is not a rung of the ladder; write one of: "
                                          "%s."), text, words));
        }
      else
        row->rung = value;
      break;

    case COL_PEOPLE:
      {
        GString *digits = g_string_new (NULL);
        g_autofree char *number = NULL;

        /* "1,200" and "1 200" are how people write numbers. */
        for (const char *p = text; *p != '\0'; p++)
          if (*p != ',' && *p != ' ')
            g_string_append_c (digits, *p);
        number = g_string_free (digits, FALSE);

        if (*number == '\0')
          row->people = 0;
        else if (number[0] == '-' && all_digits (number + 1))
          add_problem (self, row, col,
                       g_strdup_printf (_("“%s” is a negative number; the number of people "
                                          "must be 0 or more."), text));
        else if (!all_digits (number))
          add_problem (self, row, col,
                       g_strdup_printf (_("“%s” is not a whole number; write how many people "
                                          "took part, such as 12, or leave it blank."), text));
        else if (strlen (number) > 8 || atoi (number) > MAX_PEOPLE)
          add_problem (self, row, col,
                       g_strdup_printf (_("“%s” is more than 10,000,000 people; check the "
                                          "number."), text));
        else
          row->people = atoi (number);
      }
      break;

    case COL_SUPPORT:
      {
        g_auto(GStrv) parts = g_strsplit_set (text, ",;\n", -1);

        for (guint i = 0; parts[i] != NULL; i++)
          {
            const char *part = g_strstrip (parts[i]);
            gboolean found = FALSE;

            if (*part == '\0' || same_words (part, _("None")) || same_words (part, "None"))
              continue;

            for (guint k = 0; k < TANDEM_N_SUPPORTS; k++)
              if (same_words (part, tandem_support_to_label (1u << k)))
                {
                  row->support |= 1u << k;
                  found = TRUE;
                }

            if (!found)
              {
                GString *words = g_string_new (NULL);

                for (guint k = 0; k < TANDEM_N_SUPPORTS; k++)
                  g_string_append_printf (words, "%s%s", k > 0 ? ", " : "",
                                          tandem_support_to_label (1u << k));
                add_problem (self, row, col,
                             g_strdup_printf (_("“%s” is not a kind of support Tandem knows; "
                                                "write one or more of: %s, separated by "
                                                "commas."), part, words->str));
                g_string_free (words, TRUE);
              }
          }
      }
      break;

    case COL_PLACE:
      if (!check_text (row, "place", text, &problem))
        add_problem (self, row, col, problem);
      else
        row->place = g_steal_pointer (&text);
      break;

    case COL_NOTES:
      if (!check_text (row, "notes", text, &problem))
        add_problem (self, row, col, problem);
      else
        row->notes = g_steal_pointer (&text);
      break;

    case COL_GROUPS:
      {
        g_auto(GStrv) parts = g_strsplit_set (text, ";\n", -1);

        for (guint i = 0; parts[i] != NULL; i++)
          {
            const char *part = g_strstrip (parts[i]);

            if (*part != '\0')
              g_ptr_array_add (row->groups, g_strdup (part));
          }
      }
      break;

    case COL_IGNORED:
    case N_COLS:
    default:
      break;
    }
}

/* The group of the project, or else the built-in group, with this name. */
static TandemGroup *
find_group (TandemCsvImport *self,
            const char      *name,
            gboolean        *builtin)
{
  TandemList *groups = tandem_document_get_groups (self->document);

  *builtin = FALSE;
  for (guint i = 0; i < tandem_list_get_n (groups); i++)
    if (same_words (name, tandem_group_get_name (tandem_list_get (groups, i))))
      return tandem_list_get (groups, i);

  for (guint i = 0; i < self->builtin->len; i++)
    if (same_words (name, tandem_group_get_name (g_ptr_array_index (self->builtin, i))))
      {
        *builtin = TRUE;
        return g_ptr_array_index (self->builtin, i);
      }

  return NULL;
}

/* Splits one "Groups reached" piece written with commas ("Carers, Gypsy, Roma and Traveller
 * communities") into names, joining neighbours where together they name a known group. */
static GPtrArray *
split_group_names (TandemCsvImport *self,
                   const char      *text)
{
  g_auto(GStrv) tokens = g_strsplit (text, ",", -1);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length (tokens);
  gboolean builtin;

  for (guint i = 0; i < n;)
    {
      guint taken = 1;

      for (guint j = n; j > i + 1; j--)
        {
          g_autofree char *joined = NULL;
          char *saved = tokens[j];

          tokens[j] = NULL;
          joined = g_strjoinv (",", tokens + i);
          tokens[j] = saved;
          if (find_group (self, g_strstrip (joined), &builtin) != NULL)
            {
              taken = j - i;
              break;
            }
        }

      {
        char *saved = tokens[i + taken];
        g_autofree char *joined = NULL;

        tokens[i + taken] = NULL;
        joined = g_strstrip (g_strjoinv (",", tokens + i));
        tokens[i + taken] = saved;
        if (*joined != '\0')
          g_ptr_array_add (names, g_steal_pointer (&joined));
      }
      i += taken;
    }

  return names;
}

static void
resolve_groups (TandemCsvImport *self,
                Row             *row)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < row->groups->len; i++)
    {
      const char *piece = g_ptr_array_index (row->groups, i);
      gboolean builtin;

      if (find_group (self, piece, &builtin) != NULL)
        g_ptr_array_add (names, g_strdup (piece));
      else
        {
          g_autoptr(GPtrArray) split = split_group_names (self, piece);

          for (guint k = 0; k < split->len; k++)
            g_ptr_array_add (names, g_strdup (g_ptr_array_index (split, k)));
        }
    }

  g_ptr_array_unref (row->groups);
  row->groups = g_steal_pointer (&names);
}

static void
note_new_groups (TandemCsvImport *self,
                 Row             *row)
{
  for (guint i = 0; i < row->groups->len; i++)
    {
      const char *name = g_ptr_array_index (row->groups, i);
      gboolean builtin, seen = FALSE;
      TandemGroup *group = find_group (self, name, &builtin);

      if (group != NULL && !builtin)
        continue;

      for (guint k = 0; k < self->new_groups->len && !seen; k++)
        seen = same_words (name, g_ptr_array_index (self->new_groups, k));
      if (seen)
        continue;

      g_ptr_array_add (self->new_groups,
                       g_strdup (group != NULL ? tandem_group_get_name (group) : name));
      g_ptr_array_add (self->new_builtin, GINT_TO_POINTER (group != NULL));
    }
}

/**
 * tandem_csv_import_new:
 * @document: the project the activities would join (read only here)
 * @data: the file's bytes
 *
 * Reads an engagement log saved from a spreadsheet as CSV. Problems of the whole file (not
 * UTF-8, no header row, a quote left open, no column for the activity, date or stage) are
 * @error; problems of single rows are kept for the preview.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
TandemCsvImport *
tandem_csv_import_new (TandemDocument  *document,
                       const char      *data,
                       gsize            size,
                       GError         **error)
{
  g_autoptr(TandemCsvImport) self = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 g_ptr_array_unref);
  Reader reader = { records, NULL };
  struct csv_parser parser;
  const char *end = NULL;
  gboolean have[N_COLS] = { FALSE, };
  gboolean any = FALSE;
  GPtrArray *header;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  /* Excel's "CSV UTF-8" begins with a byte-order mark. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (size == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is empty: it has no rows to import. Check that you chose the "
                     "right file."));
      return NULL;
    }

  if (!g_utf8_validate (data, size, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is not saved as UTF-8 text (line %u has a character in another "
                     "encoding, such as Windows Latin-1). In your spreadsheet choose Save As "
                     "and the type “CSV UTF-8 (comma delimited)”, then import that file."),
                   line);
      return NULL;
    }

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("Out of memory starting the CSV reader");

  if (csv_parse (&parser, data, size, on_field, on_record, &reader) != size ||
      csv_fini (&parser, on_field, on_record, &reader) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Row %u of the file cannot be read: a quote mark is left open, or stands "
                     "inside a cell that does not begin with one. Open the file in your "
                     "spreadsheet, save it again as CSV and import that file."),
                   records->len + 1);
      csv_free (&parser);
      g_clear_pointer (&reader.current, g_ptr_array_unref);
      return NULL;
    }
  csv_free (&parser);

  while (records->len > 0 && row_is_blank (g_ptr_array_index (records, 0)))
    g_ptr_array_remove_index (records, 0);

  if (records->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is empty: it has no rows to import. Check that you chose the "
                     "right file."));
      return NULL;
    }

  self = g_new0 (TandemCsvImport, 1);
  self->document = g_object_ref (document);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->cols = g_array_new (FALSE, FALSE, sizeof (Col));
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->problems = g_array_new (FALSE, TRUE, sizeof (TandemCsvProblem));
  g_array_set_clear_func (self->problems, problem_clear);
  self->builtin = tandem_builtin_groups_get ();
  self->new_groups = g_ptr_array_new_with_free_func (g_free);
  self->new_builtin = g_ptr_array_new ();

  header = g_ptr_array_index (records, 0);
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = cell_text (g_ptr_array_index (header, i));
      Col col = *name != '\0' ? match_header (name) : COL_IGNORED;

      /* A second column of the same meaning is left out, and the preview says so. */
      if (col != COL_IGNORED && have[col])
        col = COL_IGNORED;
      if (col != COL_IGNORED)
        {
          have[col] = TRUE;
          any = TRUE;
        }
      g_ptr_array_add (self->headers, g_steal_pointer (&name));
      g_array_append_val (self->cols, col);
    }

  if (!any)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The first row of the file does not name its columns, so Tandem cannot "
                     "tell which is which. Add a row at the top with names such as “Date”, "
                     "“Activity”, “Stage”, “Number of people” and “Groups reached”, then "
                     "import again."));
      return NULL;
    }

  for (Col col = COL_TITLE; col <= COL_STAGE; col++)
    if (!have[col])
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The file has no “%s” column, which every activity needs. Name one "
                       "column “%s” in the first row, then import again."),
                     col_label (col), col_label (col));
        return NULL;
      }

  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);
      Row row = { 0, };

      if (row_is_blank (record))
        continue;

      row.row = r + 1;
      row.method = TANDEM_ENGAGEMENT_METHOD_OTHER;
      row.groups = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < self->cols->len; c++)
        {
          Col col = g_array_index (self->cols, Col, c);

          if (col != COL_IGNORED)
            read_cell (self, &row, col, c < record->len ? g_ptr_array_index (record, c) : "");
        }

      resolve_groups (self, &row);
      if (!row.bad)
        note_new_groups (self, &row);
      g_array_append_val (self->rows, row);
    }

  return g_steal_pointer (&self);
}

guint
tandem_csv_import_get_n_columns (TandemCsvImport *self)
{
  return self->headers->len;
}

const char *
tandem_csv_import_get_header (TandemCsvImport *self,
                              guint            column)
{
  g_return_val_if_fail (column < self->headers->len, NULL);
  return g_ptr_array_index (self->headers, column);
}

/**
 * tandem_csv_import_get_match:
 *
 * Returns: the name of what the column is read as, or %NULL when it is left out
 */
const char *
tandem_csv_import_get_match (TandemCsvImport *self,
                             guint            column)
{
  Col col;

  g_return_val_if_fail (column < self->cols->len, NULL);
  col = g_array_index (self->cols, Col, column);

  return col == COL_IGNORED ? NULL : col_label (col);
}

/* One sentence for the preview: "“Number of people” → Number of people". */
char *
tandem_csv_import_describe_column (TandemCsvImport *self,
                                   guint            column)
{
  const char *header = tandem_csv_import_get_header (self, column);
  const char *match = tandem_csv_import_get_match (self, column);

  if (match != NULL)
    return g_strdup_printf (_("Column %u, “%s”: read as %s."), column + 1, header, match);

  if (*header == '\0')
    return g_strdup_printf (_("Column %u has no name: left out."), column + 1);

  if (match_header (header) != COL_IGNORED)
    return g_strdup_printf (_("Column %u, “%s”: left out, because an earlier column is read "
                              "as %s."), column + 1, header,
                            col_label (match_header (header)));

  return g_strdup_printf (_("Column %u, “%s”: not a column Tandem knows; left out."),
                          column + 1, header);
}

guint
tandem_csv_import_get_n_rows (TandemCsvImport *self)
{
  return self->rows->len;
}

guint
tandem_csv_import_get_n_bad_rows (TandemCsvImport *self)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    n += g_array_index (self->rows, Row, i).bad;

  return n;
}

guint
tandem_csv_import_get_n_problems (TandemCsvImport *self)
{
  return self->problems->len;
}

const TandemCsvProblem *
tandem_csv_import_get_problem (TandemCsvImport *self,
                               guint            i)
{
  g_return_val_if_fail (i < self->problems->len, NULL);
  return &g_array_index (self->problems, TandemCsvProblem, i);
}

char *
tandem_csv_import_describe_problem (TandemCsvImport *self,
                                    guint            i)
{
  const TandemCsvProblem *problem = tandem_csv_import_get_problem (self, i);

  return g_strdup_printf (_("Row %u, %s: %s"), problem->row, problem->column, problem->message);
}

/**
 * tandem_csv_import_get_new_groups:
 *
 * Returns: (transfer none) (element-type utf8): the groups named in the good rows that the
 *   project does not have yet, which importing adds
 */
GPtrArray *
tandem_csv_import_get_new_groups (TandemCsvImport *self)
{
  return self->new_groups;
}

char *
tandem_csv_import_describe_new_groups (TandemCsvImport *self)
{
  GString *names = g_string_new (NULL);

  if (self->new_groups->len == 0)
    {
      g_string_free (names, TRUE);
      return NULL;
    }

  for (guint i = 0; i < self->new_groups->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      if (GPOINTER_TO_INT (g_ptr_array_index (self->new_builtin, i)))
        g_string_append_printf (names, _("%s (built in)"),
                                (const char *)g_ptr_array_index (self->new_groups, i));
      else
        g_string_append (names, g_ptr_array_index (self->new_groups, i));
    }

  {
    g_autofree char *list = g_string_free (names, FALSE);

    if (self->new_groups->len == 1)
      return g_strdup_printf (_("This project has no group called %s: importing adds it."),
                              list);

    return g_strdup_printf (_("This project does not have %u of the groups named: importing "
                              "adds them: %s."), self->new_groups->len, list);
  }
}

static TandemGroup *
group_for_import (TandemCsvImport *self,
                  const char      *name)
{
  gboolean builtin;
  TandemGroup *group = find_group (self, name, &builtin);
  g_autoptr(TandemGroup) added = NULL;

  if (group != NULL && !builtin)
    return group;

  if (group != NULL)
    {
      added = tandem_group_new ();
      tandem_group_set_name (added, tandem_group_get_name (group));
      tandem_group_set_builtin_key (added, tandem_group_get_builtin_key (group));
      tandem_group_set_description (added, tandem_group_get_description (group));
    }
  else
    {
      added = tandem_group_new ();
      tandem_group_set_name (added, name);
    }

  tandem_list_append (tandem_document_get_groups (self->document), added);
  return added;
}

/**
 * tandem_csv_import_apply:
 * @leave_out_bad: import the good rows only, when some rows have problems
 *
 * Adds the activities, and the groups they name that the project does not have, in one undo
 * step. Refuses, changing nothing, while a row has a problem and @leave_out_bad is %FALSE.
 *
 * Returns: how many activities were added
 */
guint
tandem_csv_import_apply (TandemCsvImport  *self,
                         gboolean          leave_out_bad,
                         GError          **error)
{
  guint n_bad = tandem_csv_import_get_n_bad_rows (self);
  guint added = 0;

  /* A second press must not bring the same activities in twice. */
  g_return_val_if_fail (!self->applied, 0);

  if (n_bad > 0 && !leave_out_bad)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   g_dngettext (NULL,
                                "%u row has a problem: correct it in the spreadsheet and import "
                                "again, or choose to leave it out.",
                                "%u rows have problems: correct them in the spreadsheet and "
                                "import again, or choose to leave them out.", n_bad), n_bad);
      return 0;
    }

  if (n_bad == self->rows->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file has no activities to import: every row has a problem, or the "
                     "file has only its header row."));
      return 0;
    }

  tandem_document_begin (self->document, _("Import engagement log"));

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_autoptr(TandemActivity) activity = NULL;

      if (row->bad)
        continue;

      activity = tandem_activity_new ();
      tandem_activity_set_title (activity, row->title);
      tandem_activity_set_date (activity, row->date);
      tandem_activity_set_stage (activity, row->stage);
      tandem_activity_set_method (activity, row->method);
      tandem_activity_set_place (activity, row->place != NULL ? row->place : "");
      tandem_activity_set_participants (activity, row->people);
      tandem_activity_set_rung (activity, row->rung);
      tandem_activity_set_notes (activity, row->notes != NULL ? row->notes : "");
      tandem_activity_set_support (activity, row->support);
      tandem_list_append (tandem_document_get_activities (self->document), activity);

      for (guint k = 0; k < row->groups->len; k++)
        tandem_activity_set_reaches_group (activity,
                                           group_for_import (self,
                                                             g_ptr_array_index (row->groups, k)),
                                           TRUE);
      added++;
    }

  tandem_document_commit (self->document);
  self->applied = TRUE;

  return added;
}

/* Export */

/* A cell a spreadsheet would run as a formula gets an apostrophe in front (OWASP's advice
 * against CSV injection); tandem_csv_import_new() takes it off again. */
static void
append_cell (GString    *out,
             gboolean    first,
             const char *text)
{
  g_autofree char *safe = NULL;
  gsize size;

  if (text == NULL)
    text = "";
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    text = safe = g_strconcat ("'", text, NULL);

  if (!first)
    g_string_append_c (out, ',');

  size = csv_write (NULL, 0, text, strlen (text));
  {
    gsize at = out->len;

    g_string_set_size (out, at + size);
    csv_write (out->str + at, size, text, strlen (text));
  }
}

static void
end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

static GBytes *
finish (GString *out)
{
  gsize len = out->len;

  return g_bytes_new_take (g_string_free (out, FALSE), len);
}

/**
 * tandem_csv_export_activities:
 *
 * The engagement log as CSV for Excel: UTF-8 with a byte-order mark, CRLF, every cell quoted,
 * with the same header names the importer reads.
 */
GBytes *
tandem_csv_export_activities (TandemDocument *document)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  TandemList *activities = tandem_document_get_activities (document);
  TandemList *groups = tandem_document_get_groups (document);

  for (Col col = COL_TITLE; col < N_COLS; col++)
    append_cell (out, col == COL_TITLE, col_label (col));
  end_row (out);

  for (guint i = 0; i < tandem_list_get_n (activities); i++)
    {
      TandemActivity *a = tandem_list_get (activities, i);
      g_autofree char *people = g_strdup_printf ("%d", tandem_activity_get_participants (a));
      g_autofree char *support = tandem_support_describe (tandem_activity_get_support (a));
      GString *reached = g_string_new (NULL);

      /* In the activity's own order, which an import keeps. */
      for (guint g = 0; g < tandem_list_get_n (tandem_activity_get_groups (a)); g++)
        {
          TandemActivityGroup *link = tandem_list_get (tandem_activity_get_groups (a), g);
          TandemGroup *group = tandem_list_find (groups, tandem_activity_group_get_group (link));

          if (group != NULL)
            g_string_append_printf (reached, "%s%s", reached->len > 0 ? "; " : "",
                                    tandem_group_get_name (group));
        }

      append_cell (out, TRUE, tandem_activity_get_title (a));
      append_cell (out, FALSE, tandem_activity_get_date (a));
      append_cell (out, FALSE, tandem_change_stage_to_label (tandem_activity_get_stage (a)));
      append_cell (out, FALSE,
                   tandem_engagement_method_to_label (tandem_activity_get_method (a)));
      append_cell (out, FALSE, tandem_activity_get_place (a));
      append_cell (out, FALSE, people);
      append_cell (out, FALSE, reached->str);
      append_cell (out, FALSE, tandem_ladder_rung_to_label (tandem_activity_get_rung (a)));
      append_cell (out, FALSE, support);
      append_cell (out, FALSE, tandem_activity_get_notes (a));
      end_row (out);
      g_string_free (reached, TRUE);
    }

  return finish (out);
}

/**
 * tandem_csv_export_themes:
 *
 * "You said, we did" as CSV for Excel, as tandem_csv_export_activities() writes.
 */
GBytes *
tandem_csv_export_themes (TandemDocument *document)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  TandemList *themes = tandem_document_get_themes (document);
  const char *headers[] = {
    _("Theme"), _("What people said"), _("Raised by (people)"), _("Response"),
    _("What changed"), _("Reason"), _("Fed back on"), _("How it was fed back"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    append_cell (out, i == 0, headers[i]);
  end_row (out);

  for (guint i = 0; i < tandem_list_get_n (themes); i++)
    {
      TandemTheme *t = tandem_list_get (themes, i);
      g_autofree char *raised = g_strdup_printf ("%d", tandem_theme_get_raised_by (t));

      append_cell (out, TRUE, tandem_theme_get_title (t));
      append_cell (out, FALSE, tandem_theme_get_said (t));
      append_cell (out, FALSE, raised);
      append_cell (out, FALSE, tandem_theme_response_to_label (tandem_theme_get_response (t)));
      append_cell (out, FALSE, tandem_theme_get_change (t));
      append_cell (out, FALSE, tandem_theme_get_reason (t));
      append_cell (out, FALSE, tandem_theme_get_fed_back_date (t));
      append_cell (out, FALSE, tandem_theme_get_fed_back_how (t));
      end_row (out);
    }

  return finish (out);
}

/* Through the one file writer: a crash or a full disk leaves the old file whole. */
gboolean
tandem_csv_write (GBytes      *csv,
                  const char  *path,
                  GError     **error)
{
  gsize size;
  const void *data = g_bytes_get_data (csv, &size);

  return tandem_file_write_contents (path, data, size, TANDEM_FILE_WRITER_KEEP_MODE, error);
}
