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

static void
test_link_refused_on_open (void)
{
  TandemEvidenceLink *link = NULL;
  g_autoptr(TandemDocument) document = document_with_evidence ("https://www.example.org/x",
                                                               "minutes.txt", &link);
  g_autofree char *path = g_build_filename (scratch, "smb-link.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;

  /* A file made elsewhere (by an older Tandem, or by hand) with an smb: link. */
  tandem_document_begin (document, "Link");
  tandem_evidence_link_set_uri (link, "smb://server/share/run.desktop");
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
  g_test_add_func ("/evidence/link/refused-on-open", test_link_refused_on_open);
  g_test_add_func ("/evidence/attachment/bidi", test_attachment_name_bidi);
  g_test_add_func ("/evidence/attachment/bidi-on-import", test_attachment_name_bidi_on_import);
  g_test_add_func ("/evidence/attachment/risk", test_attachment_risk);

  status = g_test_run ();
  tandem_test_remove_tree (scratch);

  return status;
}
