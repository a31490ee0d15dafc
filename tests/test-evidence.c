/* test-evidence.c: links and attached files that cannot hurt the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-attachment.h"
#include "tandem-checklist.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-evidence-link.h"
#include "tandem-json.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"

static char *scratch;

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* A document with one question holding one link and one attached file. */
static TandemDocument *
document_with_evidence (const char           *uri,
                        const char           *name,
                        TandemEvidenceLink  **link_out)
{
  TandemDocument *document = tandem_document_new ();
  g_autoptr(TandemChecklist) checklist = tandem_checklist_new ();
  g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();
  g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();
  g_autoptr(TandemEvidenceLink) link = tandem_evidence_link_new ();
  g_autoptr(TandemAttachment) attachment = tandem_attachment_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("minutes", 7);
  g_autofree char *hash = NULL;

  tandem_document_begin (document, "Evidence");
  hash = tandem_document_add_blob (document, bytes);
  tandem_checklist_set_title (checklist, "Checklist");
  tandem_checklist_section_set_title (section, "Section");
  tandem_checklist_item_set_question (item, "Was the public involved?");
  tandem_evidence_link_set_uri (link, uri);
  tandem_attachment_set_name (attachment, name);
  tandem_attachment_set_size (attachment, 7);
  tandem_attachment_set_content_type (attachment, "text/plain");
  tandem_attachment_set_blob (attachment, hash);
  tandem_list_append (tandem_checklist_item_get_links (item), link);
  tandem_list_append (tandem_checklist_item_get_attachments (item), attachment);
  tandem_list_append (tandem_checklist_section_get_items (section), item);
  tandem_list_append (tandem_checklist_get_sections (checklist), section);
  tandem_list_append (tandem_document_get_checklists (document), checklist);
  tandem_document_commit (document);

  if (link_out != NULL)
    *link_out = link;

  return document;
}

static TandemAttachment *
first_attachment (TandemDocument *document)
{
  TandemChecklist *checklist = tandem_list_get (tandem_document_get_checklists (document), 0);
  TandemChecklistSection *section = tandem_list_get (tandem_checklist_get_sections (checklist), 0);
  TandemChecklistItem *item = tandem_list_get (tandem_checklist_section_get_items (section), 0);

  return tandem_list_get (tandem_checklist_item_get_attachments (item), 0);
}

static void
test_link_schemes (void)
{
  static const struct {
    const char *uri;
    gboolean    allowed;
  } cases[] = {
    { "https://www.england.nhs.uk/report.pdf", TRUE },
    { "http://intranet.example.nhs.uk/minutes", TRUE },
    { "HTTPS://WWW.EXAMPLE.ORG/", TRUE },
    { "mailto:engagement@example.nhs.uk", TRUE },
    { "", TRUE },
    { "file:///usr/bin/xterm", FALSE },
    { "smb://server/share/evidence.docx", FALSE },
    { "sftp://server/evidence", FALSE },
    { "javascript:alert(1)", FALSE },
    { "data:text/html,<script>alert(1)</script>", FALSE },
    { "ms-msdt:/id PCWDiagnostic", FALSE },
    { "https://", FALSE },
    { "https:///no-host", FALSE },
    { "mailto:", FALSE },
    { "not a link", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = tandem_evidence_link_check_uri (cases[i].uri, &error);

      g_test_message ("%s", cases[i].uri);
      g_assert_cmpint (ok, ==, cases[i].allowed);
      if (!ok)
        {
          /* One sentence that names the link and what to do instead. */
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          g_assert_nonnull (strstr (error->message, cases[i].uri));
          g_assert_nonnull (strstr (error->message, "http, https and mailto"));
          g_assert_nonnull (strstr (error->message, "attach the file"));
        }
    }
}

static void
test_link_refused_by_json_import (void)
{
  TandemEvidenceLink *link = NULL;
  g_autoptr(TandemDocument) document = document_with_evidence ("https://www.example.org/x",
                                                               "minutes.txt", &link);
  g_autoptr(TandemDocument) good = NULL;
  g_autoptr(TandemDocument) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *hostile = NULL;
  gsize length;

  json = tandem_json_write_document (document, &length, NULL);
  g_assert_nonnull (json);

  /* The same file with an https link is read... */
  good = tandem_json_read_document (json, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (good);

  /* ...and with a link to a program, refused with the sentence. */
  hostile = replace_all (json, "https://www.example.org/x", "file:///usr/bin/xterm");
  bad = tandem_json_read_document (hostile, strlen (hostile), &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "file:///usr/bin/xterm"));
  g_assert_nonnull (strstr (error->message, "http, https and mailto"));
}

#define KEPT "Link kept as text, because Tandem opens only web and mail links: "

/* What an older Tandem wrote with “Link to File…”: two questions, one with notes, a web link
 * and a link to a file (its title disguised with a right-to-left override), one with only a
 * link to a shared drive. */
static TandemDocument *
document_with_old_links (void)
{
  TandemEvidenceLink *link = NULL;
  TandemDocument *document = document_with_evidence ("https://www.example.org/board-papers",
                                                     "minutes.txt", &link);
  TandemChecklist *checklist = tandem_list_get (tandem_document_get_checklists (document), 0);
  TandemChecklistSection *section = tandem_list_get (tandem_checklist_get_sections (checklist), 0);
  TandemChecklistItem *item = tandem_list_get (tandem_checklist_section_get_items (section), 0);
  g_autoptr(TandemChecklistItem) other = tandem_checklist_item_new ();
  g_autoptr(TandemEvidenceLink) file_link = tandem_evidence_link_new ();
  g_autoptr(TandemEvidenceLink) smb_link = tandem_evidence_link_new ();

  tandem_document_begin (document, "Old links");
  tandem_evidence_link_set_title (link, "Board papers");
  tandem_checklist_item_set_evidence (item, "Discussed at the March board.");
  tandem_evidence_link_set_uri (file_link, "file:///home/ann/\u202Eevidence\u2069.odt");
  tandem_evidence_link_set_title (file_link, "Minutes\u202E\u200F\x1B");
  tandem_list_append (tandem_checklist_item_get_links (item), file_link);
  tandem_checklist_item_set_question (other, "Were carers asked?");
  tandem_evidence_link_set_uri (smb_link, "smb://server/share/survey.xlsx");
  tandem_list_append (tandem_checklist_item_get_links (other), smb_link);
  tandem_list_append (tandem_checklist_section_get_items (section), other);
  tandem_document_commit (document);

  return document;
}

static TandemChecklistItem *
nth_item (TandemDocument *document,
          guint           n)
{
  TandemChecklist *checklist = tandem_list_get (tandem_document_get_checklists (document), 0);
  TandemChecklistSection *section = tandem_list_get (tandem_checklist_get_sections (checklist), 0);

  return tandem_list_get (tandem_checklist_section_get_items (section), n);
}

static void
test_link_kept_as_text_on_open (void)
{
  g_autoptr(TandemDocument) document = document_with_old_links ();
  g_autofree char *path = g_build_filename (scratch, "old-links.tandem", NULL);
  g_autofree char *again_path = g_build_filename (scratch, "old-links-saved.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) again_file = g_file_new_for_path (again_path);
  g_autoptr(TandemDocument) opened = NULL;
  g_autoptr(TandemDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  TandemList *links;
  TandemEvidenceLink *web;

  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  g_assert_no_error (error);

  /* The file opens... */
  opened = tandem_storage_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  g_assert_cmpuint (tandem_storage_get_links_kept_as_text (opened), ==, 2);

  /* ...the web link is still a link... */
  links = tandem_checklist_item_get_links (nth_item (opened, 0));
  g_assert_cmpuint (tandem_list_get_n (links), ==, 1);
  web = tandem_list_get (links, 0);
  g_assert_cmpstr (tandem_evidence_link_get_uri (web), ==, "https://www.example.org/board-papers");
  g_assert_cmpstr (tandem_evidence_link_get_title (web), ==, "Board papers");

  /* ...and the others are text on their own questions, after what was there, without the
   * characters that would disguise them. */
  g_assert_cmpstr (tandem_checklist_item_get_evidence (nth_item (opened, 0)), ==,
                   "Discussed at the March board.\n"
                   KEPT "Minutes (file:///home/ann/evidence.odt)");
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (nth_item (opened, 1))),
                    ==, 0);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (nth_item (opened, 1)), ==,
                   KEPT "smb://server/share/survey.xlsx");

  /* It differs from the file, so it is unsaved; and no undo brings a refused link back. */
  g_assert_true (tandem_document_get_modified (opened));
  g_assert_false (tandem_document_can_undo (opened));

  /* Saved, it opens as it is, with nothing more to keep. */
  g_assert_true (tandem_storage_save (opened, again_file, NULL, &error));
  again = tandem_storage_load (again_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_storage_get_links_kept_as_text (again), ==, 0);
  g_assert_false (tandem_document_get_modified (again));
  g_assert_cmpstr (tandem_checklist_item_get_evidence (nth_item (again, 1)), ==,
                   KEPT "smb://server/share/survey.xlsx");
}

static void
test_link_kept_refused_by_json_import (void)
{
  g_autoptr(TandemDocument) document = document_with_old_links ();
  g_autoptr(TandemDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length;

  /* The same content as JSON, which tools write, is refused as before: nothing is kept. */
  json = tandem_json_write_document (document, &length, NULL);
  g_assert_nonnull (json);
  imported = tandem_json_read_document (json, length, &error);
  g_assert_null (imported);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "is not a web or mail address"));
  g_assert_nonnull (strstr (error->message, "http, https and mailto"));
  /* The sentence names the link without the characters that would disguise it. */
  g_assert_nonnull (strstr (error->message, "file:///home/ann/evidence.odt"));
}

static void
test_link_kept_too_long (void)
{
  TandemEvidenceLink *link = NULL;
  g_autoptr(TandemDocument) document = document_with_evidence ("https://www.example.org/x",
                                                               "minutes.txt", &link);
  g_autofree char *path = g_build_filename (scratch, "full-answer.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *full = g_strnfill (TANDEM_LONG_TEXT_MAX - 10, 'x');
  g_autoptr(TandemDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;

  /* An answer with no room left for the line: the file is refused with the link's sentence,
   * rather than opened as a document that could not be opened again once saved. */
  tandem_document_begin (document, "Link");
  tandem_evidence_link_set_uri (link, "smb://server/share/run.desktop");
  tandem_checklist_item_set_evidence (nth_item (document, 0), full);
  tandem_document_commit (document);
  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  g_assert_no_error (error);

  reopened = tandem_storage_load (file, NULL, &error);
  g_assert_null (reopened);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "smb://server/share/run.desktop"));
  g_assert_nonnull (strstr (error->message, "http, https and mailto"));
}

static void
test_link_can_open (void)
{
  g_autoptr(TandemEvidenceLink) link = tandem_evidence_link_new ();

  g_assert_false (tandem_evidence_link_can_open (link));
  tandem_evidence_link_set_uri (link, "https://www.example.org/");
  g_assert_true (tandem_evidence_link_can_open (link));
  tandem_evidence_link_set_uri (link, "file:///usr/bin/xterm");
  g_assert_false (tandem_evidence_link_can_open (link));
}

static void
test_attachment_name_bidi (void)
{
  static const char *controls[] = {
    "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u200E", "\u200F", "\u061C",
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      g_autofree char *name = g_strconcat ("invoice", controls[i], "fdp.exe", NULL);
      g_autofree char *clean = tandem_attachment_clean_name (name);

      g_assert_cmpstr (clean, ==, "invoicefdp.exe");
    }

  /* Letters of right-to-left scripts are names, not controls: they stay. */
  {
    g_autofree char *clean = tandem_attachment_clean_name ("تقرير.pdf");
    g_assert_cmpstr (clean, ==, "تقرير.pdf");
  }
}

static void
test_attachment_name_bidi_on_import (void)
{
  g_autoptr(TandemDocument) document = document_with_evidence ("https://www.example.org/x",
                                                               "invoice\u202Efdp.exe", NULL);
  g_autofree char *path = g_build_filename (scratch, "bidi.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) imported = NULL;
  g_autoptr(TandemDocument) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length;

  json = tandem_json_write_document (document, &length, NULL);
  imported = tandem_json_read_document (json, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_attachment_get_name (first_attachment (imported)), ==,
                   "invoicefdp.exe");

  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  opened = tandem_storage_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_attachment_get_name (first_attachment (opened)), ==, "invoicefdp.exe");
}

static void
test_attachment_risk (void)
{
  static const struct {
    const char *name;
    const char *type;
    gboolean    risky;
  } cases[] = {
    { "minutes.pdf", "application/pdf", FALSE },
    { "survey.csv", "text/csv", FALSE },
    { "notes.txt", "text/plain", FALSE },
    { "photo.png", "image/png", FALSE },
    { "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      FALSE },
    { "launch.desktop", "application/x-desktop", TRUE },
    { "setup.exe", "application/x-msdownload", TRUE },
    { "tidy.sh", "application/x-shellscript", TRUE },
    { "tool.jar", "application/java-archive", TRUE },
    { "page.html", "text/html", TRUE },
    { "RUN.BAT", "text/plain", TRUE },
    { "go.cmd", "", TRUE },
    { "app.js", "text/plain", TRUE },
    { "analysis.py", "text/plain", TRUE },
    { "figure.svg", "image/svg+xml", TRUE },
    /* The stored type is what counts when the name says nothing. */
    { "readme", "application/x-shellscript", TRUE },
    { "readme", "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *risk = tandem_attachment_describe_risk (cases[i].name, cases[i].type);

      g_test_message ("%s (%s): %s", cases[i].name, cases[i].type, risk ? risk : "safe");
      g_assert_cmpint (risk != NULL, ==, cases[i].risky);
      if (risk != NULL)
        g_assert_cmpstr (risk, !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  scratch = tandem_test_make_temp_dir ();

  g_test_add_func ("/evidence/link/schemes", test_link_schemes);
  g_test_add_func ("/evidence/link/can-open", test_link_can_open);
  g_test_add_func ("/evidence/link/refused-by-json-import", test_link_refused_by_json_import);
  g_test_add_func ("/evidence/link/kept-as-text-on-open", test_link_kept_as_text_on_open);
  g_test_add_func ("/evidence/link/kept-refused-by-json-import",
                   test_link_kept_refused_by_json_import);
  g_test_add_func ("/evidence/link/kept-too-long", test_link_kept_too_long);
  g_test_add_func ("/evidence/attachment/bidi", test_attachment_name_bidi);
  g_test_add_func ("/evidence/attachment/bidi-on-import", test_attachment_name_bidi_on_import);
  g_test_add_func ("/evidence/attachment/risk", test_attachment_risk);

  status = g_test_run ();
  tandem_test_remove_tree (scratch);

  return status;
}
