/* tandem-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tandem-appendix.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist.h"
#include "tandem-cli.h"
#include "tandem-csv.h"
#include "tandem-feedback-report.h"
#include "tandem-file-writer.h"
#include "tandem-journey-export.h"
#include "tandem-json.h"
#include "tandem-merge.h"
#include "tandem-object.h"
#include "tandem-personal-data.h"
#include "tandem-storage.h"

/*
 * The headless commands: they need no display and no D-Bus, print one sentence to stderr on
 * failure, and return a non-zero status. Outputs are written atomically, so a failure never
 * leaves a half-written file behind.
 */

static void
print_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("tandem: %s\n", message);
}

gboolean
tandem_cli_wants_headless (const TandemCliOptions *options)
{
  return options->check || options->export_json != NULL || options->import_json != NULL ||
         options->export_pdf != NULL || options->export_feedback != NULL ||
         options->pdf_parts != NULL ||
         options->pdf_date != NULL || options->pdf_paper != NULL ||
         options->pdf_checklists != NULL ||
         options->export_map != NULL || options->journey != NULL || options->map != NULL ||
         (options->merge != NULL && options->merge[0] != NULL) ||
         options->export_csv != NULL || options->csv != NULL;
}

static GFile *
resolve (GFile      *cwd,
         const char *path)
{
  return g_file_resolve_relative_path (cwd, path);
}

/* One sentence for a file that could not be written, naming it and what to do. */
static void
print_write_error (GFile        *out,
                   const GError *error)
{
  g_autofree char *name = g_file_get_basename (out);
  g_autoptr(GFile) parent = g_file_get_parent (out);
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("/");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    print_error (_("Could not write “%s”: the folder “%s” does not exist. Choose another place."),
                 name, folder);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    print_error (_("Could not write “%s”: you are not allowed to write in “%s”. Choose another "
                   "place."), name, folder);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    print_error (_("Could not write “%s”: there is not enough space in “%s”. Free some space or "
                   "choose another place; any file of that name is unchanged."), name, folder);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    print_error (_("Could not write “%s”: it is a folder. Choose another name."), name);
  else if (error->domain == G_IO_ERROR)
    print_error ("%s", error->message);  /* the file writer's sentence names the file */
  else
    print_error (_("Could not write “%s”: %s"), name, error->message);
}

/* Personal data in what is about to leave the project (or, with @within, in that part of it):
 * one warning line per finding, saying where, then what to do. Exports still write: the person
 * running them is usually not the one who typed the text, and a script that made yesterday's
 * board pack should not stop making it; the window asks before it exports. Returns how many. */
static guint
warn_personal_data (TandemDocument *document,
                    TandemObject   *within,
                    const char     *name)
{
  g_autoptr(GPtrArray) findings = tandem_personal_data_find (document);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      TandemPersonalDataFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *line = NULL;

      if (within != NULL && !tandem_object_is_ancestor (within, finding->object))
        continue;

      line = tandem_personal_data_finding_describe (finding);
      /* TRANSLATORS: file name, then where and what, e.g. "Activity “Drop-in”, notes: an
       * email address (a…@…)" */
      g_printerr (_("tandem: warning: “%s”: %s\n"), name, line);
      n++;
    }

  if (n > 0)
    print_error (g_dngettext (GETTEXT_PACKAGE,
                              "“%s” holds %u piece of text that looks like personal data (an "
                              "NHS number, email address, telephone number or postcode). Tandem "
                              "keeps no participant’s details: remove it in Tandem and save.",
                              "“%s” holds %u pieces of text that look like personal data (NHS "
                              "numbers, email addresses, telephone numbers or postcodes). Tandem "
                              "keeps no participant’s details: remove them in Tandem and save.",
                              n),
                 name, n);

  return n;
}

static TandemCliStatus
run_check (GFile *file)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  guint n_kept;
  g_autofree char *trust = NULL;
  guint n_personal;
  int version;

  version = tandem_storage_peek_version (file, &error);
  if (version < 0)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  document = tandem_storage_load (file, NULL, &error);
  if (document == NULL)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  /* Still a valid document: Tandem opens it, so the status says so; this is a note. */
  n_kept = tandem_storage_get_links_kept_as_text (document);
  if (n_kept > 0)
    print_error (g_dngettext (GETTEXT_PACKAGE,
                              "“%s” has %u link to a file, which Tandem keeps as text in its "
                              "answer because it opens only web and mail links; save the "
                              "project in Tandem to store the change.",
                              "“%s” has %u links to files, which Tandem keeps as text in their "
                              "answers because it opens only web and mail links; save the "
                              "project in Tandem to store the change.", n_kept),
                 name, n_kept);

  n_personal = warn_personal_data (document, NULL, name);

  /* A record changed outside Tandem is still a document (it opens), but --check must not
   * call it valid: it says what does not verify and exits with a status of its own. */
  trust = tandem_document_describe_trust (document);
  if (trust != NULL)
    {
      print_error (_("“%s”: %s"), name, trust);
      return TANDEM_CLI_UNVERIFIED;
    }

  /* Valid, but not ready to share: a status of its own, so a script can stop before the
   * board pack goes out. An unverifiable record (4) says more and wins. */
  if (n_personal > 0)
    {
      if (version < TANDEM_SCHEMA_VERSION)
        print_error (_("“%s” is a valid Tandem document in an older format (%d; current is %d). "
                       "Tandem opens it and upgrades it when you save it."),
                     name, version, TANDEM_SCHEMA_VERSION);
      return TANDEM_CLI_PERSONAL_DATA;
    }

  if (version < TANDEM_SCHEMA_VERSION)
    {
      print_error (_("“%s” is a valid Tandem document in an older format (%d; current is %d). "
                     "Tandem opens it and upgrades it when you save it."),
                   name, version, TANDEM_SCHEMA_VERSION);
      return TANDEM_CLI_OLDER_FORMAT;
    }

  g_print (_("%s: a valid Tandem document (format %d), %u objects.\n"),
           name, version, tandem_document_get_n_objects (document));

  return TANDEM_CLI_OK;
}

static TandemCliStatus
run_export_json (GFile *file,
                 GFile *out)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = tandem_storage_load (file, NULL, &error);
  if (document == NULL)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  {
    g_autofree char *name = g_file_get_basename (file);

    warn_personal_data (document, NULL, name);
  }

  if (!tandem_json_export (document, out, &error))
    {
      print_write_error (out, error);
      return TANDEM_CLI_FAILED;
    }

  return TANDEM_CLI_OK;
}

static TandemCliStatus
run_export_csv (GFile      *file,
                GFile      *out,
                const char *what)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (out);

  if (what != NULL && g_strcmp0 (what, "activities") != 0 && g_strcmp0 (what, "themes") != 0)
    {
      print_error (_("--csv=%s: write --csv=activities (the default) or --csv=themes."), what);
      return TANDEM_CLI_USAGE;
    }

  document = tandem_storage_load (file, NULL, &error);
  if (document == NULL)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  {
    g_autofree char *name = g_file_get_basename (file);

    /* Whole activities and themes go into the spreadsheet: personal data is named first. */
    warn_personal_data (document, NULL, name);
  }

  csv = g_strcmp0 (what, "themes") == 0 ? tandem_csv_export_themes (document)
                                        : tandem_csv_export_activities (document);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Tandem can only write to a folder on this computer."));
  if (path == NULL || !tandem_csv_write (csv, path, &error))
    {
      print_write_error (out, error);
      return TANDEM_CLI_FAILED;
    }

  return TANDEM_CLI_OK;
}

static TandemCliStatus
run_import_json (GFile *in,
                 GFile *file)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autofree char *trust = NULL;
  g_autoptr(GError) error = NULL;

  document = tandem_json_import (in, &error);
  if (document == NULL)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  /* Imported all the same (nothing is lost), but said: the file stays marked. */
  trust = tandem_document_describe_trust (document);
  if (trust != NULL)
    {
      g_autofree char *name = g_file_get_basename (in);

      print_error (_("“%s”: %s"), name, trust);
    }

  if (!tandem_storage_save (document, file, NULL, &error))
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  return TANDEM_CLI_OK;
}

static TandemCliStatus
run_export_pdf (const TandemCliOptions *options,
                GFile                  *file,
                GFile                  *out)
{
  TandemAppendixOptions appendix;
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (out);
  TandemCliStatus status = TANDEM_CLI_FAILED;

  tandem_appendix_options_init (&appendix);

  if ((options->pdf_parts != NULL &&
       !tandem_appendix_options_set_parts (&appendix, options->pdf_parts, &error)) ||
      (options->pdf_date != NULL &&
       !tandem_appendix_options_set_date (&appendix, options->pdf_date, &error)) ||
      (options->pdf_paper != NULL &&
       !tandem_appendix_options_set_paper (&appendix, options->pdf_paper, &error)) ||
      (options->pdf_checklists != NULL &&
       !tandem_appendix_options_set_checklists (&appendix, options->pdf_checklists, &error)))
    {
      print_error ("%s", error->message);
      status = TANDEM_CLI_USAGE;
      goto out;
    }

  document = tandem_storage_load (file, NULL, &error);
  if (document == NULL)
    {
      print_error ("%s", error->message);
      goto out;
    }

  if (!tandem_appendix_options_check_checklists (&appendix, document, &error))
    {
      print_error ("%s", error->message);
      status = TANDEM_CLI_USAGE;
      goto out;
    }

  {
    g_autofree char *name = g_file_get_basename (file);

    warn_personal_data (document, NULL, name);
  }

  if (path == NULL || !tandem_appendix_write_pdf (document, &appendix, path, &error))
    {
      if (error == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (out);

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("“%s” is not on this computer. Tandem writes files only to local "
                         "folders; choose one of those."), name);
        }
      print_write_error (out, error);
      goto out;
    }

  status = TANDEM_CLI_OK;

out:
  tandem_appendix_options_clear (&appendix);
  return status;
}

static TandemCliStatus
run_export_feedback (GFile *file,
                     GFile *out)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (out);

  document = tandem_storage_load (file, NULL, &error);
  if (document == NULL)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  /* Nothing to feed back is the project's state, not a mistake in the command: status 1. */
  if (!tandem_feedback_report_check (document, &error))
    {
      g_autofree char *name = g_file_get_basename (file);

      print_error (_("“%s”: %s"), name, error->message);
      return TANDEM_CLI_FAILED;
    }

  {
    g_autofree char *name = g_file_get_basename (file);

    /* The report goes to the public: personal data is named as for every export. */
    warn_personal_data (document, NULL, name);
  }

  if (path == NULL || !tandem_feedback_report_write_pdf (document, NULL, path, &error))
    {
      if (error == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (out);

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("“%s” is not on this computer. Tandem writes files only to local "
                         "folders; choose one of those."), name);
        }
      print_write_error (out, error);
      return TANDEM_CLI_FAILED;
    }

  return TANDEM_CLI_OK;
}

static gboolean
all_digits (const char *text)
{
  if (text[0] == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static char *
list_journeys (TandemList *journeys)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < tandem_list_get_n (journeys); i++)
    g_string_append_printf (list, "%s%u “%s”", i > 0 ? ", " : "", i + 1,
                            tandem_journey_get_title (tandem_list_get (journeys, i)));

  return g_string_free (list, FALSE);
}

/* The journey --journey names: a number from 1, or a title (exactly, then ignoring case). */
static TandemJourney *
find_journey (TandemDocument *document,
              const char     *name,
              const char     *file_name)
{
  TandemList *journeys = tandem_document_get_journeys (document);
  guint n = tandem_list_get_n (journeys);
  g_autofree char *wanted = NULL;
  g_autofree char *list = NULL;

  if (n == 0)
    {
      print_error (_("“%s” has no journeys to draw. Add one in Tandem first."), file_name);
      return NULL;
    }

  if (name == NULL)
    return tandem_list_get (journeys, 0);

  if (all_digits (name))
    {
      guint64 index = g_ascii_strtoull (name, NULL, 10);

      if (index >= 1 && index <= n)
        return tandem_list_get (journeys, index - 1);

      list = list_journeys (journeys);
      print_error (g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has %u journey, so --journey=%s is not one of them. Give "
                                "a number from 1 to %u or its title: %s.",
                                "“%s” has %u journeys, so --journey=%s is not one of them. Give "
                                "a number from 1 to %u or a title: %s.", n),
                   file_name, n, name, n, list);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (tandem_journey_get_title (tandem_list_get (journeys, i)), name))
        return tandem_list_get (journeys, i);
    }

  wanted = g_utf8_casefold (name, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_utf8_casefold (tandem_journey_get_title (tandem_list_get (journeys, i)), -1);

      if (g_str_equal (title, wanted))
        return tandem_list_get (journeys, i);
    }

  list = list_journeys (journeys);
  print_error (_("There is no journey called “%s” in “%s”. Its journeys are: %s."), name,
               file_name, list);
  return NULL;
}

static TandemCliStatus
run_export_map (GFile      *file,
                GFile      *out,
                const char *journey_name,
                const char *map)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *out_name = g_file_get_basename (out);
  TandemJourneyExportOptions options;
  TandemImageFormat format;
  TandemJourney *journey;

  tandem_journey_export_options_init (&options);

  if (!tandem_image_format_for_file (out, &format))
    {
      print_error (_("“%s” does not end in .png, .svg or .pdf. Tandem draws a journey map as a "
                     "PNG image, an SVG drawing or a PDF page; name the file accordingly."),
                   out_name);
      return TANDEM_CLI_USAGE;
    }

  if (map == NULL || g_str_equal (map, "both"))
    options.show = TANDEM_JOURNEY_SHOW_BOTH;
  else if (g_str_equal (map, "before"))
    options.show = TANDEM_JOURNEY_SHOW_BEFORE;
  else if (g_str_equal (map, "after"))
    options.show = TANDEM_JOURNEY_SHOW_AFTER;
  else
    {
      print_error (_("--map=%s is not one of before, after or both."), map);
      return TANDEM_CLI_USAGE;
    }

  document = tandem_storage_load (file, NULL, &error);
  if (document == NULL)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  journey = find_journey (document, journey_name, name);
  if (journey == NULL)
    return TANDEM_CLI_FAILED;

  /* Only what this journey's map can show. */
  warn_personal_data (document, TANDEM_OBJECT (journey), name);

  bytes = tandem_journey_render (journey, format, &options, &error);
  if (bytes == NULL)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  /* Written beside OUT and renamed over it: a failure leaves no half-written image. */
  if (!tandem_file_replace_contents (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     &error))
    {
      print_write_error (out, error);
      return TANDEM_CLI_FAILED;
    }

  return TANDEM_CLI_OK;
}

static GBytes *
read_other_blob (TandemDocument  *document,
                 const char      *hash,
                 gpointer         user_data,
                 GError         **error)
{
  return tandem_storage_read_blob (document, hash, error);
}

/* The sentence the merge dialog shows for a checklist made from another template version:
 * a secretary merging unattended must not get a file with some answers silently left out. */
static gboolean
refuse_other_template (TandemDocument *ours,
                       TandemDocument *theirs,
                       const char     *other_name)
{
  TandemList *checklists = tandem_document_get_checklists (ours);

  for (guint i = 0; i < tandem_list_get_n (checklists); i++)
    {
      TandemChecklist *checklist = tandem_list_get (checklists, i);
      TandemObject *other = tandem_document_lookup (theirs,
                                                    tandem_object_get_id (TANDEM_OBJECT (checklist)));

      if (!TANDEM_IS_CHECKLIST (other))
        continue;

      if (g_strcmp0 (tandem_checklist_get_template_id (checklist),
                     tandem_checklist_get_template_id (TANDEM_CHECKLIST (other))) != 0 ||
          tandem_checklist_get_template_version (checklist) !=
          tandem_checklist_get_template_version (TANDEM_CHECKLIST (other)))
        {
          print_error (_("“%s”: “%s” was made from version %d of its template in the other "
                         "copy and from version %d in yours. The questions may differ, so its "
                         "answers are not merged. Ask the other reviewer to answer a checklist "
                         "made from the same template version. Nothing was written."),
                       other_name, tandem_checklist_get_title (checklist),
                       tandem_checklist_get_template_version (TANDEM_CHECKLIST (other)),
                       tandem_checklist_get_template_version (checklist));
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
describe_answer (TandemMergeEntry *entry)
{
  TandemObject *ours = tandem_merge_entry_get_ours (entry);

  if (TANDEM_IS_CHECKLIST_ITEM (ours))
    return tandem_checklist_item_get_question (TANDEM_CHECKLIST_ITEM (ours));

  return _("Decision");
}

/* Merges each OTHER into FILE in memory, in the order given, and writes FILE once, atomically,
 * only if every copy could be merged: a copy that is refused leaves FILE as it was. */
static TandemCliStatus
run_merge (char  **others,
           GFile  *cwd,
           GFile  *file)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  guint n_copies = 0, n_taken = 0, n_conflicts = 0, n_signoffs = 0, n_checklists = 0;

  document = tandem_storage_load (file, NULL, &error);
  if (document == NULL)
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  for (guint i = 0; others[i] != NULL; i++)
    {
      g_autoptr(GFile) other = resolve (cwd, others[i]);
      g_autofree char *other_name = g_file_get_basename (other);
      g_autoptr(TandemDocument) theirs = NULL;
      g_autoptr(TandemMerge) merge = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autofree char *trust = NULL;
      const char *const *notes;

      theirs = tandem_storage_load (other, NULL, &error);
      if (theirs == NULL)
        {
          print_error (_("%s Nothing was written to “%s”."), error->message, name);
          return TANDEM_CLI_FAILED;
        }

      merge = tandem_merge_new (document, theirs, &error);
      if (merge == NULL)
        {
          print_error (_("“%s”: %s Nothing was written to “%s”."), other_name, error->message,
                       name);
          return TANDEM_CLI_FAILED;
        }

      if (refuse_other_template (document, theirs, other_name))
        return TANDEM_CLI_FAILED;

      /* Merged all the same, but said: its sign-offs will show as they verify. */
      trust = tandem_document_describe_trust (theirs);
      if (trust != NULL)
        print_error (_("“%s”: %s"), other_name, trust);

      notes = tandem_merge_get_notes (merge);
      for (guint j = 0; notes[j] != NULL; j++)
        print_error (_("“%s”: %s"), other_name, notes[j]);

      tandem_merge_set_source_name (merge, other_name);
      conflicts = tandem_merge_choose_by_history (merge);
      for (guint j = 0; j < conflicts->len; j++)
        {
          TandemMergeConflict *conflict = g_ptr_array_index (conflicts, j);
          TandemChecklist *checklist = tandem_merge_entry_get_checklist (conflict->entry);
          g_autofree char *ours_value = tandem_merge_describe_value (conflict->entry, FALSE,
                                                                     conflict->field);
          g_autofree char *theirs_value = tandem_merge_describe_value (conflict->entry, TRUE,
                                                                       conflict->field);

          /* TRANSLATORS: one line per conflict: file, checklist, question, field, values */
          g_print (_("conflict: %s: “%s”, “%s”, %s: kept “%s”, the other copy has “%s”\n"),
                   other_name, tandem_checklist_get_title (checklist),
                   describe_answer (conflict->entry), tandem_merge_field_label (conflict->field),
                   ours_value, theirs_value);
        }

      for (guint j = 0; j < g_list_model_get_n_items (tandem_merge_get_entries (merge)); j++)
        {
          g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (tandem_merge_get_entries (merge), j);

          for (guint k = 0; k < tandem_merge_entry_get_n_differences (entry); k++)
            n_taken += tandem_merge_entry_get_take_field (entry,
                                                          tandem_merge_entry_get_difference (entry, k));
        }
      n_conflicts += conflicts->len;
      n_signoffs += tandem_merge_get_n_new_signoffs (merge);
      n_checklists += tandem_merge_get_n_new_checklists (merge);

      if (!tandem_merge_apply (merge, _("Merge Answers"), read_other_blob, NULL, &error))
        {
          print_error (_("“%s”: %s Nothing was written to “%s”."), other_name, error->message,
                       name);
          return TANDEM_CLI_FAILED;
        }
      n_copies++;
    }

  if (!tandem_storage_save (document, file, NULL, &error))
    {
      print_error ("%s", error->message);
      return TANDEM_CLI_FAILED;
    }

  /* TRANSLATORS: the summary of --merge; the counts follow colons to need no plurals */
  g_print (_("Merged into “%s”: copies %u, answers taken %u, sign-offs brought in %u, "
             "checklists brought in %u, conflicts kept as “%s” had them %u.\n"),
           name, n_copies, n_taken, n_signoffs, n_checklists, name, n_conflicts);

  return n_conflicts > 0 ? TANDEM_CLI_CONFLICTS : TANDEM_CLI_OK;
}

/**
 * tandem_cli_run:
 *
 * Runs the one headless command @options asks for, on exactly one FILE.
 */
TandemCliStatus
tandem_cli_run (const TandemCliOptions *options,
                GFile                  *cwd)
{
  g_autoptr(GFile) file = NULL;
  guint n_commands = 0;
  guint n_files = options->files ? g_strv_length (options->files) : 0;

  n_commands += options->check ? 1 : 0;
  n_commands += options->export_json != NULL ? 1 : 0;
  n_commands += options->import_json != NULL ? 1 : 0;
  n_commands += options->export_pdf != NULL ? 1 : 0;
  n_commands += options->export_feedback != NULL ? 1 : 0;
  n_commands += options->export_map != NULL ? 1 : 0;
  n_commands += options->merge != NULL && options->merge[0] != NULL ? 1 : 0;
  n_commands += options->export_csv != NULL ? 1 : 0;

  if (options->export_pdf == NULL &&
      (options->pdf_parts != NULL || options->pdf_date != NULL || options->pdf_paper != NULL ||
       options->pdf_checklists != NULL))
    {
      print_error (_("--pdf-parts, --pdf-date, --pdf-paper and --pdf-checklists go with "
                     "--export-pdf. Try “tandem --help”."));
      return TANDEM_CLI_USAGE;
    }

  if (options->csv != NULL && options->export_csv == NULL)
    {
      print_error (_("--csv chooses what --export-csv writes; give --export-csv=OUT.csv as "
                     "well. Try “tandem --help”."));
      return TANDEM_CLI_USAGE;
    }

  if (n_commands > 1)
    {
      print_error (_("Give one of --check, --export-json, --import-json, --export-pdf, "
                     "--export-feedback, --export-map, --export-csv and --merge at a time. "
                     "Try “tandem --help”."));
      return TANDEM_CLI_USAGE;
    }

  if ((options->journey != NULL || options->map != NULL) && options->export_map == NULL)
    {
      print_error (_("--journey and --map choose what --export-map draws; give --export-map=OUT "
                     "as well. Try “tandem --help”."));
      return TANDEM_CLI_USAGE;
    }

  if (n_files != 1)
    {
      print_error (_("This command works on exactly one FILE, but %u were given. Try “tandem "
                     "--help”."), n_files);
      return TANDEM_CLI_USAGE;
    }

  file = resolve (cwd, options->files[0]);

  if (options->check)
    return run_check (file);

  if (options->merge != NULL && options->merge[0] != NULL)
    return run_merge (options->merge, cwd, file);

  if (options->export_json != NULL)
    {
      g_autoptr(GFile) out = resolve (cwd, options->export_json);
      return run_export_json (file, out);
    }

  if (options->export_csv != NULL)
    {
      g_autoptr(GFile) out = resolve (cwd, options->export_csv);
      return run_export_csv (file, out, options->csv);
    }

  if (options->import_json != NULL)
    {
      g_autoptr(GFile) in = resolve (cwd, options->import_json);
      return run_import_json (in, file);
    }

  if (options->export_map != NULL)
    {
      g_autoptr(GFile) out = resolve (cwd, options->export_map);
      return run_export_map (file, out, options->journey, options->map);
    }

  if (options->export_feedback != NULL)
    {
      g_autoptr(GFile) out = resolve (cwd, options->export_feedback);
      return run_export_feedback (file, out);
    }

  {
    g_autoptr(GFile) out = resolve (cwd, options->export_pdf);
    return run_export_pdf (options, file, out);
  }
}
