/* tandem-personal-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-personal-data"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tandem-document.h"
#include "tandem-journey-map.h"
#include "tandem-object-private.h"
#include "tandem-personal-data.h"

/*
 * Tandem keeps counts, roles and consented words, never who someone is (DOMAIN.md). People
 * still paste an email from a sign-up sheet into an activity's notes, or a patient's NHS number
 * into a quote. Before anything leaves the project (appendix, map, JSON, print) and in
 * --check, every free-text field is searched for the four things that identify a person most
 * directly in an NHS setting: NHS numbers, email addresses, UK telephone numbers and UK
 * postcodes. Each finding says where it is, so the user can remove it; the user decides.
 *
 * Patterns are deliberately narrow: a false alarm on every date or count would teach people
 * to click past the warning. An NHS number must carry its modulus-11 check digit; a phone
 * number must have the length and leading digits of a UK number; a postcode must have the
 * shape of the Royal Mail's formats, in capitals as it is normally written.
 */

typedef struct
{
  GRegex *email;
  GRegex *nhs;
  GRegex *phone;
  GRegex *postcode;
} Patterns;

static const Patterns *
get_patterns (void)
{
  static Patterns patterns;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      patterns.email = g_regex_new ("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+"
                                    "(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![A-Za-z0-9-])",
                                    G_REGEX_OPTIMIZE, 0, NULL);
      /* Ten digits, or 3-3-4 with the same space or hyphen twice. */
      patterns.nhs = g_regex_new ("(?<![0-9])[0-9]{3}([ -]?)[0-9]{3}\\1[0-9]{4}(?![0-9])",
                                  G_REGEX_OPTIMIZE, 0, NULL);
      /* +44 (with an optional "(0)") or 0, then a UK area or mobile prefix (1, 2, 3, 7, 8),
       * then 8 or 9 more digits, spaced or hyphenated anywhere, the area code perhaps in
       * brackets: 0113 496 0000, (01632) 960123, 07700 900123, +44 (0)20 7946 0000. */
      patterns.phone = g_regex_new ("(?<![A-Za-z0-9+])(?:\\+44[ -]?(?:\\(0\\)[ -]?)?|\\(?0)"
                                    "[1-378](?:\\)?[ -]?[0-9]){8,9}(?![0-9])",
                                    G_REGEX_OPTIMIZE, 0, NULL);
      /* The Royal Mail's outward code shapes (A9, A99, AA9, AA99, A9A, AA9A) and inward
       * code (9AA, with the letters it never uses left out). */
      patterns.postcode = g_regex_new ("(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|"
                                       "[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|"
                                       "[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})"
                                       "(?![A-Za-z0-9])",
                                       G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (patterns.email && patterns.nhs && patterns.phone && patterns.postcode);
      g_once_init_leave (&done, 1);
    }

  return &patterns;
}

/**
 * tandem_nhs_number_is_valid:
 * @digits: text with exactly ten digits, and optionally spaces or hyphens
 *
 * The NHS number's own check (NHS Data Dictionary): the first nine digits weighted 10 down to
 * 2, the sum's remainder by 11 taken from 11 gives the tenth digit (11 means 0; 10 means the
 * number is not valid).
 */
gboolean
tandem_nhs_number_is_valid (const char *digits)
{
  int d[10];
  int n = 0, sum = 0, check;

  for (const char *p = digits; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == 10)
            return FALSE;
          d[n++] = *p - '0';
        }
      else if (*p != ' ' && *p != '-')
        return FALSE;
    }

  if (n != 10)
    return FALSE;

  for (int i = 0; i < 9; i++)
    sum += d[i] * (10 - i);

  check = 11 - sum % 11;
  if (check == 11)
    check = 0;
  if (check == 10)
    return FALSE;

  return check == d[9];
}

static gboolean
overlaps (GArray *matches,
          gsize   start,
          gsize   end)
{
  for (guint i = 0; i < matches->len; i++)
    {
      const TandemPersonalDataMatch *m = &g_array_index (matches, TandemPersonalDataMatch, i);

      if (start < m->end && m->start < end)
        return TRUE;
    }

  return FALSE;
}

static void
scan_one (GArray                 *matches,
          const char             *text,
          GRegex                 *regex,
          TandemPersonalDataKind  kind)
{
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (regex, text, 0, &info);
  while (g_match_info_matches (info))
    {
      int start, end;

      if (g_match_info_fetch_pos (info, 0, &start, &end) && !overlaps (matches, start, end))
        {
          gboolean keep = TRUE;

          if (kind == TANDEM_PERSONAL_DATA_NHS_NUMBER)
            {
              g_autofree char *found = g_strndup (text + start, end - start);

              keep = tandem_nhs_number_is_valid (found);
            }

          if (keep)
            {
              TandemPersonalDataMatch m = { kind, start, end };

              g_array_append_val (matches, m);
            }
        }
      g_match_info_next (info, NULL);
    }
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const TandemPersonalDataMatch *ma = a, *mb = b;

  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

/**
 * tandem_personal_data_scan_text:
 *
 * Returns: (transfer full) (element-type TandemPersonalDataMatch): what @text holds, in the
 *   order it comes; a run of digits is counted once (an email first, then an NHS number with
 *   a valid check digit, then a phone number, then a postcode)
 */
GArray *
tandem_personal_data_scan_text (const char *text)
{
  const Patterns *patterns = get_patterns ();
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (TandemPersonalDataMatch));

  if (text == NULL || text[0] == '\0')
    return matches;

  /* Cheap exits for the common case: no digit and no @ means nothing to find. */
  if (strpbrk (text, "0123456789@") == NULL)
    return matches;

  scan_one (matches, text, patterns->email, TANDEM_PERSONAL_DATA_EMAIL);
  scan_one (matches, text, patterns->nhs, TANDEM_PERSONAL_DATA_NHS_NUMBER);
  scan_one (matches, text, patterns->phone, TANDEM_PERSONAL_DATA_PHONE);
  scan_one (matches, text, patterns->postcode, TANDEM_PERSONAL_DATA_POSTCODE);
  g_array_sort (matches, compare_matches);

  return matches;
}

void
tandem_personal_data_finding_free (TandemPersonalDataFinding *finding)
{
  if (finding == NULL)
    return;

  g_clear_object (&finding->object);
  g_free (finding);
}

/* Fields that hold what Tandem itself wrote (keys, hashes, types), not what people typed. */
static gboolean
is_machine_field (GParamSpec *pspec)
{
  static const char * const names[] = {
    "key", "template-id", "condition", "audit-head", "builtin-key", "content-type",
    "answers-hash", "hash", "prev-hash", "subject-id", NULL,
  };

  return g_strv_contains (names, pspec->name);
}

typedef struct
{
  GPtrArray *findings;
} FindData;

static void
find_cb (TandemObject *object,
         gpointer      user_data)
{
  FindData *data = user_data;
  const char *kind = tandem_object_get_kind (object);
  GParamSpec **fields;
  guint n_fields;

  /* The history records earlier values; it cannot be edited, and the answer it came from is
   * checked itself. Conditions are Tandem's own words. */
  if (g_strcmp0 (kind, "audit_entry") == 0 || g_strcmp0 (kind, "condition") == 0)
    return;

  fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (object), &n_fields);
  for (guint f = 0; f < n_fields; f++)
    {
      TandemFieldKind field_kind = tandem_param_get_field_kind (fields[f]);
      g_autoptr(GArray) matches = NULL;
      g_autofree char *text = NULL;

      if ((field_kind != TANDEM_FIELD_TEXT && field_kind != TANDEM_FIELD_LONG_TEXT) ||
          is_machine_field (fields[f]))
        continue;

      text = tandem_object_dup_string_field (object, fields[f]);
      matches = tandem_personal_data_scan_text (text);
      for (guint i = 0; i < matches->len; i++)
        {
          const TandemPersonalDataMatch *m = &g_array_index (matches, TandemPersonalDataMatch, i);
          TandemPersonalDataFinding *finding = g_new0 (TandemPersonalDataFinding, 1);

          finding->kind = m->kind;
          finding->object = g_object_ref (object);
          finding->pspec = fields[f];
          finding->start = m->start;
          finding->end = m->end;
          g_ptr_array_add (data->findings, finding);
        }
    }
}

/**
 * tandem_personal_data_find:
 *
 * Searches every free-text field of @document, in the document's order.
 *
 * Returns: (transfer full) (element-type TandemPersonalDataFinding): the findings, empty if
 *   none
 */
GPtrArray *
tandem_personal_data_find (TandemDocument *document)
{
  FindData data;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  data.findings = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_personal_data_finding_free);
  _tandem_object_foreach (TANDEM_OBJECT (document), find_cb, &data);

  return data.findings;
}

const char *
tandem_personal_data_kind_to_label (TandemPersonalDataKind kind)
{
  switch (kind)
    {
    case TANDEM_PERSONAL_DATA_NHS_NUMBER:
      return _("an NHS number");
    case TANDEM_PERSONAL_DATA_EMAIL:
      return _("an email address");
    case TANDEM_PERSONAL_DATA_PHONE:
      return _("a telephone number");
    case TANDEM_PERSONAL_DATA_POSTCODE:
      return _("a postcode");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * tandem_personal_data_finding_dup_hint:
 *
 * Enough of what was found to spot it in the text, never the whole of it: warnings go to
 * terminals, logs and screens shared in meetings. "a…@…", "943…", "0113…", "LS1 …".
 */
char *
tandem_personal_data_finding_dup_hint (const TandemPersonalDataFinding *finding)
{
  g_autofree char *text = tandem_object_dup_string_field (finding->object, finding->pspec);
  gsize len = finding->end - finding->start;
  const char *found;

  /* The text may have changed since it was searched. */
  if (text == NULL || finding->end > strlen (text))
    return g_strdup ("…");
  found = text + finding->start;

  switch (finding->kind)
    {
    case TANDEM_PERSONAL_DATA_EMAIL:
      return g_strdup_printf ("%c…@…", found[0]);
    case TANDEM_PERSONAL_DATA_NHS_NUMBER:
      return g_strdup_printf ("%.3s…", found);
    case TANDEM_PERSONAL_DATA_PHONE:
      return g_strdup_printf ("%.*s…", (int)MIN (len, found[0] == '+' ? 3 : 4), found);
    case TANDEM_PERSONAL_DATA_POSTCODE:
      {
        /* The outward code (the part before the last three characters) says the area. */
        gsize outward = len - 3;

        while (outward > 0 && found[outward - 1] == ' ')
          outward--;
        return g_strdup_printf ("%.*s …", (int)outward, found);
      }
    default:
      g_return_val_if_reached (g_strdup ("…"));
    }
}

static char *
string_of (TandemObject *object,
           const char   *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  char *text;

  if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
    return g_strdup ("");
  text = tandem_object_dup_string_field (object, pspec);
  return text ? text : g_strdup ("");
}

/* A title as it reads in a sentence: short, on one line, never empty. */
static char *
title_of (TandemObject *object,
          const char   *name)
{
  g_autofree char *line = string_of (object, name);
  char *newline;

  if (line[0] == '\0')
    return g_strdup (_("untitled"));

  newline = strchr (line, '\n');
  if (newline != NULL)
    *newline = '\0';
  if (g_utf8_strlen (line, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 59);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&line);
}

static TandemObject *
ancestor_of_kind (TandemObject *object,
                  const char   *kind)
{
  for (TandemObject *o = object; o != NULL; o = tandem_object_get_parent (o))
    {
      if (g_strcmp0 (tandem_object_get_kind (o), kind) == 0)
        return o;
    }

  return NULL;
}

static char *describe_object (TandemObject *object);

/* @part names @object within what holds it; takes @part. */
static char *
describe_in_parent (TandemObject *object,
                    char         *part)
{
  TandemObject *parent = tandem_object_get_parent (object);
  g_autofree char *where = parent ? describe_object (parent) : g_strdup ("");
  g_autofree char *owned = part;

  return where[0] ? g_strdup_printf ("%s, %s", where, owned) : g_steal_pointer (&owned);
}

static char *
describe_object (TandemObject *object)
{
  const char *kind = tandem_object_get_kind (object);
  TandemObject *journey = ancestor_of_kind (object, "journey");
  g_autofree char *journey_title = journey ? title_of (journey, "title") : NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (kind, "project") == 0)
    return g_strdup (_("The project"));

  if (g_strcmp0 (kind, "activity") == 0)
    return (title = title_of (object, "title"), g_strdup_printf (_("Activity “%s”"), title));

  if (g_strcmp0 (kind, "theme") == 0)
    return (title = title_of (object, "title"), g_strdup_printf (_("Theme “%s”"), title));

  if (g_strcmp0 (kind, "engagement_group") == 0)
    return (title = title_of (object, "name"), g_strdup_printf (_("Group “%s”"), title));

  if (g_strcmp0 (kind, "checklist") == 0)
    return (title = title_of (object, "title"), g_strdup_printf (_("Checklist “%s”"), title));

  if (g_strcmp0 (kind, "checklist_section") == 0)
    return (title = title_of (object, "title"),
            describe_in_parent (object, g_strdup_printf (_("section “%s”"), title)));

  if (g_strcmp0 (kind, "checklist_item") == 0)
    {
      TandemObject *checklist = ancestor_of_kind (object, "checklist");
      g_autofree char *checklist_title = checklist ? title_of (checklist, "title") : NULL;

      title = title_of (object, "question");
      return checklist_title
        ? g_strdup_printf (_("Checklist “%s”, question “%s”"), checklist_title, title)
        : g_strdup_printf (_("Question “%s”"), title);
    }

  if (g_strcmp0 (kind, "evidence_link") == 0)
    return (title = title_of (object, "title"),
            describe_in_parent (object, g_strdup_printf (_("evidence link “%s”"), title)));

  if (g_strcmp0 (kind, "attachment") == 0 || g_strcmp0 (kind, "activity_file") == 0)
    return (title = title_of (object, "name"),
            describe_in_parent (object, g_strdup_printf (_("file “%s”"), title)));

  if (g_strcmp0 (kind, "signoff") == 0)
    return (title = title_of (object, "name"),
            describe_in_parent (object, g_strdup_printf (_("sign-off by %s"), title)));

  if (g_strcmp0 (kind, "journey") == 0)
    return (title = title_of (object, "title"), g_strdup_printf (_("Journey “%s”"), title));

  if (journey_title != NULL)
    {
      if (g_strcmp0 (kind, "journey_map") == 0)
        return g_strdup_printf (tandem_journey_map_get_side (TANDEM_JOURNEY_MAP (object)) ==
                                TANDEM_MAP_SIDE_AFTER
                                ? _("Journey “%s”, after map") : _("Journey “%s”, before map"),
                                journey_title);
      if (g_strcmp0 (kind, "stage") == 0)
        return (title = title_of (object, "title"),
                g_strdup_printf (_("Journey “%s”, stage “%s”"), journey_title, title));
      if (g_strcmp0 (kind, "lane") == 0)
        return (title = title_of (object, "title"),
                g_strdup_printf (_("Journey “%s”, lane “%s”"), journey_title, title));
      if (g_strcmp0 (kind, "step") == 0)
        return (title = title_of (object, "title"),
                g_strdup_printf (_("Journey “%s”, step “%s”"), journey_title, title));
      if (g_strcmp0 (kind, "quote") == 0)
        {
          TandemObject *step = tandem_object_get_parent (object);

          title = step ? title_of (step, "title") : g_strdup ("");
          return g_strdup_printf (_("Journey “%s”, a quote on step “%s”"), journey_title, title);
        }
      if (g_strcmp0 (kind, "connector") == 0)
        return g_strdup_printf (_("Journey “%s”, a connector"), journey_title);
    }

  /* Anything else is named by what holds it. */
  if (tandem_object_get_parent (object) != NULL)
    return describe_object (tandem_object_get_parent (object));

  return g_strdup (kind);
}

static const char *
field_label (TandemObject *object,
             GParamSpec   *pspec)
{
  const char *kind = tandem_object_get_kind (object);
  const char *name = pspec->name;

  if (g_strcmp0 (kind, "theme") == 0)
    {
      if (g_str_equal (name, "said"))
        return _("what people said");
      if (g_str_equal (name, "change"))
        return _("what changed");
      if (g_str_equal (name, "reason"))
        return _("the reason");
      if (g_str_equal (name, "fed-back-how"))
        return _("how it was fed back");
    }
  if (g_strcmp0 (kind, "quote") == 0 && g_str_equal (name, "text"))
    return _("the words");
  if (g_strcmp0 (kind, "evidence_link") == 0 && g_str_equal (name, "uri"))
    return _("address");

  if (g_str_equal (name, "title"))
    return _("title");
  if (g_str_equal (name, "name"))
    return _("name");
  if (g_str_equal (name, "notes"))
    return _("notes");
  if (g_str_equal (name, "place"))
    return _("place");
  if (g_str_equal (name, "description"))
    return _("description");
  if (g_str_equal (name, "evidence"))
    return _("evidence");
  if (g_str_equal (name, "comments"))
    return _("comments");
  if (g_str_equal (name, "action"))
    return _("action");
  if (g_str_equal (name, "owner"))
    return _("owner");
  if (g_str_equal (name, "rating-reason"))
    return _("reason for the rating");
  if (g_str_equal (name, "decision-conditions"))
    return _("decision conditions");
  if (g_str_equal (name, "decision-reason"))
    return _("reason for the decision");
  if (g_str_equal (name, "summary"))
    return _("summary");
  if (g_str_equal (name, "speaker-role"))
    return _("who said it");
  if (g_str_equal (name, "session"))
    return _("session");
  if (g_str_equal (name, "role"))
    return _("role");
  if (g_str_equal (name, "label"))
    return _("label");
  if (g_str_equal (name, "question"))
    return _("question");
  if (g_str_equal (name, "guidance"))
    return _("guidance");
  if (g_str_equal (name, "source"))
    return _("source");
  if (g_str_equal (name, "declaration"))
    return _("declaration");
  if (g_str_equal (name, "reason") || g_str_equal (name, "void-reason"))
    return _("reason");

  return name;
}

/**
 * tandem_personal_data_finding_dup_where:
 *
 * Returns: which object and field, e.g. "Activity “Drop-in at the library”, notes"
 */
char *
tandem_personal_data_finding_dup_where (const TandemPersonalDataFinding *finding)
{
  g_autofree char *where = describe_object (finding->object);

  /* TRANSLATORS: "Activity “Drop-in at the library”" and "notes" */
  return g_strdup_printf (_("%s, %s"), where, field_label (finding->object, finding->pspec));
}

/**
 * tandem_personal_data_finding_describe:
 *
 * Returns: e.g. "Activity “Drop-in at the library”, notes: an email address (a…@…)"
 */
char *
tandem_personal_data_finding_describe (const TandemPersonalDataFinding *finding)
{
  g_autofree char *where = tandem_personal_data_finding_dup_where (finding);
  g_autofree char *hint = tandem_personal_data_finding_dup_hint (finding);

  /* TRANSLATORS: where, what kind ("an email address"), the start of it ("a…@…") */
  return g_strdup_printf (_("%s: %s (%s)"), where,
                          tandem_personal_data_kind_to_label (finding->kind), hint);
}
