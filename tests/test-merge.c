/* test-merge.c: merging the answers of several reviewers, and deep copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-attachment.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-checklist.h"
#include "tandem-copy.h"
#include "tandem-evidence-link.h"
#include "tandem-json.h"
#include "tandem-merge.h"
#include "tandem-signoff.h"
#include "tandem-storage.h"

#define N_ITEMS 4

typedef struct
{
  TandemDocument  *ours;
  TandemDocument  *theirs;
} Fixture;

static TandemChecklistItem *
item_at (TandemDocument *document,
         guint           index)
{
  TandemChecklist *checklist = tandem_list_get (tandem_document_get_checklists (document), 0);
  TandemChecklistSection *section = tandem_list_get (tandem_checklist_get_sections (checklist), 0);

  return tandem_list_get (tandem_checklist_section_get_items (section), index);
}

static TandemChecklist *
checklist_of (TandemDocument *document)
{
  return tandem_list_get (tandem_document_get_checklists (document), 0);
}

/* The other reviewer's copy is the same file: the same ids throughout. */
static TandemDocument *
copy_document (TandemDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = tandem_json_write_document (document, NULL, &error);
  TandemDocument *copy;

  g_assert_no_error (error);
  copy = tandem_json_read_document (json, strlen (json), &error);
  g_assert_no_error (error);

  return copy;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TandemChecklist) checklist = tandem_checklist_new ();
  g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();

  f->ours = tandem_document_new ();
  tandem_document_set_fixed_time (f->ours, "2026-11-23T10:00:00Z");
  tandem_document_set_reviewer (f->ours, "Chair");

  tandem_checklist_set_title (checklist, "Board assurance");
  tandem_checklist_set_template_id (checklist, "t1-board-assurance");
  tandem_checklist_set_template_version (checklist, 1);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();
      g_autofree char *key = g_strdup_printf ("q%u", i + 1);
      g_autofree char *question = g_strdup_printf ("Question %u?", i + 1);

      tandem_checklist_item_set_key (item, key);
      tandem_checklist_item_set_question (item, question);
      tandem_list_append (tandem_checklist_section_get_items (section), item);
    }
  tandem_list_append (tandem_checklist_get_sections (checklist), section);

  tandem_document_begin (f->ours, "Set up");
  tandem_list_append (tandem_document_get_checklists (f->ours), checklist);
  tandem_document_commit (f->ours);

  f->theirs = copy_document (f->ours);
  tandem_document_set_fixed_time (f->theirs, "2026-11-24T09:00:00Z");
  tandem_document_set_reviewer (f->theirs, "Non-executive director");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ours);
  g_clear_object (&f->theirs);
}

static void
set_status (TandemDocument   *document,
            guint             index,
            TandemItemStatus  status)
{
  tandem_document_begin (document, "Answer");
  tandem_checklist_item_set_status (item_at (document, index), status);
  tandem_document_commit (document);
}

static TandemMergeEntry *
entry_for (TandemMerge  *merge,
           TandemObject *ours)
{
  GListModel *entries = tandem_merge_get_entries (merge);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (entries, i);

      if (tandem_merge_entry_get_ours (entry) == ours)
        return entry;
    }

  return NULL;
}

static void
test_disagreements (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TandemEvidenceLink) link = tandem_evidence_link_new ();
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TandemMergeEntry *entry;

  /* Item 1: both answered, differently. Item 2: only they answered. Item 3: the same
   * answer. Item 4: nobody answered. */
  set_status (f->ours, 0, TANDEM_ITEM_STATUS_PARTLY_MET);
  set_status (f->theirs, 0, TANDEM_ITEM_STATUS_MET);

  tandem_evidence_link_set_uri (link, "https://example.org/engagement-report.pdf");
  tandem_evidence_link_set_title (link, "Engagement report");
  tandem_document_begin (f->theirs, "Answer");
  tandem_checklist_item_set_status (item_at (f->theirs, 1), TANDEM_ITEM_STATUS_NOT_MET);
  tandem_checklist_item_set_evidence (item_at (f->theirs, 1), "No seldom-heard groups.");
  tandem_checklist_item_set_action (item_at (f->theirs, 1), "Reach carers' groups.");
  tandem_list_append (tandem_checklist_item_get_links (item_at (f->theirs, 1)), link);
  tandem_document_commit (f->theirs);

  set_status (f->ours, 2, TANDEM_ITEM_STATUS_MET);
  set_status (f->theirs, 2, TANDEM_ITEM_STATUS_MET);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);

  g_assert_cmpuint (g_list_model_get_n_items (tandem_merge_get_entries (merge)), ==, 3);
  g_assert_cmpuint (tandem_merge_get_n_disagreements (merge), ==, 2);
  g_assert_cmpuint (tandem_merge_get_n_chosen (merge), ==, 0);
  g_assert_null (tandem_merge_get_notes (merge)[0]);

  entry = entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 0)));
  g_assert_nonnull (entry);
  g_assert_false (tandem_merge_entry_get_agrees (entry));
  g_assert_true (tandem_merge_entry_differs_in (entry, "status"));
  g_assert_false (tandem_merge_entry_differs_in (entry, "evidence"));
  g_assert_cmpstr (tandem_merge_entry_get_their_reviewer (entry), ==, "Non-executive director");

  entry = entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 1)));
  g_assert_true (tandem_merge_entry_differs_in (entry, "links"));
  g_assert_true (tandem_merge_entry_differs_in (entry, "action"));

  entry = entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 2)));
  g_assert_true (tandem_merge_entry_get_agrees (entry));

  g_assert_null (entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 3))));
}

static void
test_nothing_without_a_choice (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  guint depth;

  set_status (f->ours, 0, TANDEM_ITEM_STATUS_PARTLY_MET);
  set_status (f->theirs, 0, TANDEM_ITEM_STATUS_MET);
  depth = tandem_document_get_undo_depth (f->ours);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (tandem_checklist_item_get_status (item_at (f->ours, 0)), ==,
                   TANDEM_ITEM_STATUS_PARTLY_MET);
  g_assert_cmpuint (tandem_document_get_undo_depth (f->ours), ==, depth);
}

static void
test_apply_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TandemEvidenceLink) link = tandem_evidence_link_new ();
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TandemChecklistItem *item;
  TandemEvidenceLink *copied;
  guint depth;

  set_status (f->ours, 0, TANDEM_ITEM_STATUS_PARTLY_MET);
  set_status (f->ours, 1, TANDEM_ITEM_STATUS_MET);
  set_status (f->theirs, 0, TANDEM_ITEM_STATUS_MET);
  tandem_evidence_link_set_uri (link, "https://example.org/report.pdf");
  tandem_document_begin (f->theirs, "Answer");
  tandem_checklist_item_set_status (item_at (f->theirs, 1), TANDEM_ITEM_STATUS_NOT_MET);
  tandem_checklist_item_set_evidence (item_at (f->theirs, 1), "Only an online survey.");
  tandem_list_append (tandem_checklist_item_get_links (item_at (f->theirs, 1)), link);
  tandem_checklist_set_decision (checklist_of (f->theirs), TANDEM_DECISION_DO_NOT_PROCEED);
  tandem_document_commit (f->theirs);

  tandem_signoff_set_name (signoff, "Chair");
  tandem_document_begin (f->ours, "Sign Off");
  tandem_list_append (tandem_checklist_get_signoffs (checklist_of (f->ours)), signoff);
  tandem_document_commit (f->ours);
  depth = tandem_document_get_undo_depth (f->ours);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_merge_get_n_disagreements (merge), ==, 3);  /* decision, 2 items */

  /* Take theirs for item 2 and the decision; keep ours for item 1. */
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 1))), TRUE);
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (checklist_of (f->ours))), TRUE);
  g_assert_cmpuint (tandem_merge_get_n_chosen (merge), ==, 2);
  g_assert_true (tandem_merge_apply (merge, "Merge Answers", NULL, NULL, &error));
  g_assert_no_error (error);

  item = item_at (f->ours, 1);
  g_assert_cmpint (tandem_checklist_item_get_status (item_at (f->ours, 0)), ==,
                   TANDEM_ITEM_STATUS_PARTLY_MET);
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_NOT_MET);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (item), ==, "Only an online survey.");
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 1);
  copied = tandem_list_get (tandem_checklist_item_get_links (item), 0);
  g_assert_cmpstr (tandem_evidence_link_get_uri (copied), ==, "https://example.org/report.pdf");
  g_assert_true (tandem_object_get_document (TANDEM_OBJECT (copied)) == f->ours);
  g_assert_cmpint (tandem_checklist_get_decision (checklist_of (f->ours)), ==,
                   TANDEM_DECISION_DO_NOT_PROCEED);

  /* A changed answer voids the sign-off, as any other change does. */
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (checklist_of (f->ours)), ==, 0);

  /* The merged answers entered the audit trail through the chain, which still verifies. */
  g_assert_true (tandem_checklist_verify (checklist_of (f->ours), NULL));
  g_assert_null (tandem_document_describe_trust (f->ours));

  /* One undo step takes it all back. */
  g_assert_cmpuint (tandem_document_get_undo_depth (f->ours), ==, depth + 1);
  g_assert_cmpstr (tandem_document_get_undo_label (f->ours), ==, "Merge Answers");
  tandem_document_undo (f->ours);
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_MET);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (item), ==, "");
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 0);
  g_assert_cmpint (tandem_checklist_get_decision (checklist_of (f->ours)), ==,
                   TANDEM_DECISION_UNDECIDED);
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (checklist_of (f->ours)), ==, 1);
  /* Undoing the merge adds to the trail; the chain and the restored sign-off verify. */
  g_assert_true (tandem_checklist_verify (checklist_of (f->ours), NULL));
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TandemAttachment) attachment = tandem_attachment_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("minutes of the board", 20);
  g_autofree char *hash = tandem_document_add_blob (f->theirs, bytes);
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TandemList *attachments;

  tandem_attachment_set_name (attachment, "minutes.txt");
  tandem_attachment_set_size (attachment, 20);
  tandem_attachment_set_blob (attachment, hash);
  tandem_document_begin (f->theirs, "Attach");
  tandem_list_append (tandem_checklist_item_get_attachments (item_at (f->theirs, 0)), attachment);
  tandem_document_commit (f->theirs);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 0))), TRUE);
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));
  g_assert_no_error (error);

  attachments = tandem_checklist_item_get_attachments (item_at (f->ours, 0));
  g_assert_cmpuint (tandem_list_get_n (attachments), ==, 1);
  g_assert_cmpstr (tandem_attachment_get_blob (tandem_list_get (attachments, 0)), ==, hash);
  g_assert_nonnull (tandem_document_get_memory_blob (f->ours, hash));
}

static GBytes *
failing_read_blob (TandemDocument  *document,
                   const char      *hash,
                   gpointer         user_data,
                   GError         **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The file has gone.");
  return NULL;
}

static void
test_unreadable_attachment (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(TandemAttachment) attachment = tandem_attachment_new ();
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  guint depth = tandem_document_get_undo_depth (f->ours);

  tandem_attachment_set_name (attachment, "minutes.txt");
  tandem_attachment_set_blob (attachment, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  tandem_document_begin (f->theirs, "Attach");
  tandem_checklist_item_set_status (item_at (f->theirs, 0), TANDEM_ITEM_STATUS_MET);
  tandem_list_append (tandem_checklist_item_get_attachments (item_at (f->theirs, 0)), attachment);
  tandem_document_commit (f->theirs);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 0))), TRUE);
  g_assert_false (tandem_merge_apply (merge, "Merge", failing_read_blob, NULL, &error));
  g_assert_error (error, TANDEM_MERGE_ERROR, TANDEM_MERGE_ERROR_BLOB);
  g_assert_nonnull (strstr (error->message, "minutes.txt"));

  /* Nothing changed. */
  g_assert_cmpint (tandem_checklist_item_get_status (item_at (f->ours, 0)), ==,
                   TANDEM_ITEM_STATUS_NOT_STARTED);
  g_assert_cmpuint (tandem_document_get_undo_depth (f->ours), ==, depth);
}

static void
test_different_project (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TandemDocument) other = tandem_document_new ();
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  tandem_document_begin (other, "Title");
  tandem_document_set_title (other, "Another project");
  tandem_document_commit (other);

  merge = tandem_merge_new (f->ours, other, &error);
  g_assert_null (merge);
  g_assert_error (error, TANDEM_MERGE_ERROR, TANDEM_MERGE_ERROR_DIFFERENT_PROJECT);
  g_assert_nonnull (strstr (error->message, "Another project"));
  g_clear_error (&error);

  merge = tandem_merge_new (f->ours, f->ours, &error);
  g_assert_null (merge);
  g_assert_error (error, TANDEM_MERGE_ERROR, TANDEM_MERGE_ERROR_SAME_DOCUMENT);
}

static void
test_other_template_version (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  const char *const *notes;

  set_status (f->theirs, 0, TANDEM_ITEM_STATUS_MET);
  tandem_document_begin (f->theirs, "Version");
  tandem_checklist_set_template_version (checklist_of (f->theirs), 2);
  tandem_document_commit (f->theirs);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_merge_get_entries (merge)), ==, 0);

  notes = tandem_merge_get_notes (merge);
  g_assert_nonnull (notes[0]);
  g_assert_nonnull (strstr (notes[0], "version 2"));
  g_assert_nonnull (strstr (notes[0], "version 1"));
  g_assert_null (notes[1]);
}

static void
test_only_in_one_copy (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TandemChecklist) extra = tandem_checklist_new ();
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  const char *const *notes;

  tandem_checklist_set_title (extra, "Gunning principles");
  tandem_document_begin (f->theirs, "Add");
  tandem_list_append (tandem_document_get_checklists (f->theirs), extra);
  tandem_list_remove (tandem_checklist_section_get_items (tandem_list_get (tandem_checklist_get_sections (checklist_of (f->theirs)), 0)), 3);
  tandem_document_commit (f->theirs);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  notes = tandem_merge_get_notes (merge);
  g_assert_cmpuint (g_strv_length ((char **)notes), ==, 1);
  g_assert_nonnull (strstr (notes[0], "One question"));
  /* The checklist only the other copy has is offered, to be brought in. */
  g_assert_cmpuint (tandem_merge_get_n_new_checklists (merge), ==, 1);
  g_assert_cmpstr (tandem_checklist_get_title (tandem_merge_get_new_checklist (merge, 0)), ==,
                   "Gunning principles");
  g_assert_true (tandem_merge_get_bring_in (merge, 0));
}

static TandemAuditEntry *
last_audit_entry (TandemChecklist *checklist,
                  TandemObject    *subject,
                  const char      *field)
{
  TandemList *audit = tandem_checklist_get_audit (checklist);

  for (guint i = tandem_list_get_n (audit); i-- > 0;)
    {
      TandemAuditEntry *entry = tandem_list_get (audit, i);

      if (g_str_equal (tandem_audit_entry_get_subject_id (entry), tandem_object_get_id (subject)) &&
          g_str_equal (tandem_audit_entry_get_field (entry), field))
        return entry;
    }

  return NULL;
}

static void
test_per_field (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TandemMergeEntry *entry;
  TandemAuditEntry *change;
  TandemChecklistItem *item = item_at (f->ours, 0);

  tandem_document_begin (f->ours, "Answer");
  tandem_checklist_item_set_evidence (item, "Minutes of 3 November.");
  tandem_document_commit (f->ours);
  tandem_document_set_reviewer_role (f->theirs, "Non-executive director");
  tandem_document_set_reviewer (f->theirs, "Dana Kaur");
  tandem_document_begin (f->theirs, "Answer");
  tandem_checklist_item_set_status (item_at (f->theirs, 0), TANDEM_ITEM_STATUS_MET);
  tandem_checklist_item_set_evidence (item_at (f->theirs, 0), "Survey of 40 patients.");
  tandem_document_commit (f->theirs);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  entry = entry_for (merge, TANDEM_OBJECT (item));
  g_assert_cmpuint (tandem_merge_entry_get_n_differences (entry), ==, 2);

  /* Each side says who changed the field and when, from its own trail. */
  change = tandem_merge_get_last_change (merge, entry, TRUE, "status");
  g_assert_nonnull (change);
  g_assert_cmpstr (tandem_audit_entry_get_who (change), ==, "Dana Kaur");
  g_assert_cmpstr (tandem_audit_entry_get_timestamp (change), ==, "2026-11-24T09:00:00Z");
  change = tandem_merge_get_last_change (merge, entry, FALSE, "evidence");
  g_assert_cmpstr (tandem_audit_entry_get_who (change), ==, "Chair");
  g_assert_null (tandem_merge_get_last_change (merge, entry, FALSE, "status"));

  /* Their status, our evidence. */
  tandem_merge_entry_set_take_field (entry, "status", TRUE);
  g_assert_true (tandem_merge_entry_get_take_theirs (entry));
  g_assert_false (tandem_merge_entry_get_take_field (entry, "evidence"));
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_MET);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (item), ==, "Minutes of 3 November.");
}

static void
test_provenance (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TandemChecklist *checklist = checklist_of (f->ours);
  TandemChecklistItem *item = item_at (f->ours, 0);
  TandemAuditEntry *entry;
  guint n_before;

  tandem_document_set_reviewer_role (f->theirs, "Non-executive director");
  tandem_document_set_reviewer (f->theirs, "Dana Kaur");
  set_status (f->theirs, 0, TANDEM_ITEM_STATUS_NOT_MET);
  n_before = tandem_list_get_n (tandem_checklist_get_audit (checklist));

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  tandem_merge_set_source_name (merge, "dana.tandem");
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (item)), TRUE);
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));

  /* The change enters the trail as the other copy's: its reviewer, from that file. */
  entry = last_audit_entry (checklist, TANDEM_OBJECT (item), "status");
  g_assert_nonnull (entry);
  g_assert_cmpstr (tandem_audit_entry_get_who (entry), ==, "Dana Kaur");
  g_assert_cmpstr (tandem_audit_entry_get_role (entry), ==, "Non-executive director");
  g_assert_cmpstr (tandem_audit_entry_get_origin (entry), ==, "merge: dana.tandem");
  g_assert_cmpstr (tandem_audit_entry_get_new_value (entry), ==, "not-met");
  /* Their own entry came across before it, with its time: two entries. */
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_get_audit (checklist)), ==, n_before + 2);
  entry = tandem_list_get (tandem_checklist_get_audit (checklist), n_before);
  g_assert_cmpstr (tandem_audit_entry_get_timestamp (entry), ==, "2026-11-24T09:00:00Z");
  g_assert_cmpstr (tandem_audit_entry_get_origin (entry), ==, "merge: dana.tandem");

  g_assert_true (tandem_checklist_verify (checklist, NULL));
  tandem_document_undo (f->ours);
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_NOT_STARTED);
  g_assert_true (tandem_checklist_verify (checklist, NULL));
  tandem_document_redo (f->ours);
  g_assert_true (tandem_checklist_verify (checklist, NULL));

  /* The chain survives saving and opening too. */
  {
    g_autoptr(TandemDocument) reopened = copy_document (f->ours);
    g_assert_null (tandem_document_describe_trust (reopened));
  }
}

static void
sign_off (TandemDocument *document,
          const char     *name)
{
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();

  tandem_signoff_set_name (signoff, name);
  tandem_signoff_set_role (signoff, "Board member");
  tandem_document_begin (document, "Sign Off");
  tandem_list_append (tandem_checklist_get_signoffs (checklist_of (document)), signoff);
  tandem_document_commit (document);
}

static TandemSignoff *
signoff_named (TandemDocument *document,
               const char     *name)
{
  TandemList *signoffs = tandem_checklist_get_signoffs (checklist_of (document));

  for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
    {
      if (g_str_equal (tandem_signoff_get_name (tandem_list_get (signoffs, i)), name))
        return tandem_list_get (signoffs, i);
    }

  return NULL;
}

static void
test_signoffs_across (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TandemSignoff *theirs;
  TandemSignoff *ours;

  set_status (f->theirs, 0, TANDEM_ITEM_STATUS_MET);
  set_status (f->theirs, 1, TANDEM_ITEM_STATUS_MET);
  sign_off (f->theirs, "Dana Kaur");
  theirs = signoff_named (f->theirs, "Dana Kaur");

  /* Taking every answer: the sign-off covers exactly these answers, so it stands. */
  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_merge_get_n_new_signoffs (merge), ==, 1);
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 0))), TRUE);
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 1))), TRUE);
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));
  ours = signoff_named (f->ours, "Dana Kaur");
  g_assert_nonnull (ours);
  g_assert_cmpstr (tandem_signoff_get_signed_at (ours), ==, tandem_signoff_get_signed_at (theirs));
  g_assert_cmpstr (tandem_signoff_get_answers_hash (ours), ==,
                   tandem_signoff_get_answers_hash (theirs));
  g_assert_cmpstr (tandem_signoff_get_voided_at (ours), ==, "");
  g_assert_true (tandem_checklist_signoff_verifies (checklist_of (f->ours), ours));
  g_assert_true (tandem_checklist_verify (checklist_of (f->ours), NULL));
  tandem_document_undo (f->ours);
  g_assert_null (signoff_named (f->ours, "Dana Kaur"));
  g_assert_true (tandem_checklist_verify (checklist_of (f->ours), NULL));
  tandem_document_redo (f->ours);
  g_assert_nonnull (signoff_named (f->ours, "Dana Kaur"));
  g_assert_true (tandem_checklist_verify (checklist_of (f->ours), NULL));
  tandem_document_undo (f->ours);
  g_clear_object (&merge);

  /* Keeping one of our answers: it covers answers that differ, so it comes in void. */
  merge = tandem_merge_new (f->ours, f->theirs, &error);
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 0))), TRUE);
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));
  ours = signoff_named (f->ours, "Dana Kaur");
  g_assert_nonnull (ours);
  g_assert_cmpstr (tandem_signoff_get_voided_at (ours), !=, "");
  g_assert_nonnull (strstr (tandem_signoff_get_void_reason (ours), "differ"));
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (checklist_of (f->ours)), ==, 0);
  /* Void, not forged: the record verifies. */
  g_assert_true (tandem_checklist_verify (checklist_of (f->ours), NULL));
  g_clear_object (&merge);

  /* Merging the same copy again brings nothing twice. */
  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_cmpuint (tandem_merge_get_n_new_signoffs (merge), ==, 0);
}

/* A sign-off both copies share, voided in the other copy by Dana: taking her answer voids it
 * here too, and the trail says the merge did it, not Dana. */
static void
test_shared_signoff_voided (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TandemSignoff *ours;
  TandemAuditEntry *entry;

  sign_off (f->ours, "Chair");
  g_clear_object (&f->theirs);
  f->theirs = copy_document (f->ours);
  tandem_document_set_fixed_time (f->theirs, "2026-11-24T09:00:00Z");
  tandem_document_set_reviewer (f->theirs, "Dana Kaur");
  set_status (f->theirs, 0, TANDEM_ITEM_STATUS_MET);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_merge_get_n_new_signoffs (merge), ==, 0);
  tandem_merge_set_source_name (merge, "dana.tandem");
  tandem_merge_entry_set_take_theirs (entry_for (merge, TANDEM_OBJECT (item_at (f->ours, 0))), TRUE);
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));

  ours = signoff_named (f->ours, "Chair");
  g_assert_cmpstr (tandem_signoff_get_voided_at (ours), !=, "");
  entry = last_audit_entry (checklist_of (f->ours), TANDEM_OBJECT (ours), "voided-at");
  g_assert_cmpstr (tandem_audit_entry_get_who (entry), ==, "Chair");
  g_assert_cmpstr (tandem_audit_entry_get_origin (entry), ==, "merge: dana.tandem");
  g_assert_true (tandem_checklist_verify (checklist_of (f->ours), NULL));
}

static void
test_bring_in_checklist (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TandemChecklist) extra = tandem_checklist_new ();
  g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();
  g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TandemChecklist *brought;
  TandemList *audit;

  tandem_checklist_set_title (extra, "Gunning principles");
  tandem_checklist_item_set_question (item, "Was the consultation at a formative stage?");
  tandem_list_append (tandem_checklist_section_get_items (section), item);
  tandem_list_append (tandem_checklist_get_sections (extra), section);
  tandem_document_begin (f->theirs, "Add");
  tandem_list_append (tandem_document_get_checklists (f->theirs), extra);
  tandem_document_commit (f->theirs);
  tandem_document_begin (f->theirs, "Answer");
  tandem_checklist_item_set_status (item, TANDEM_ITEM_STATUS_MET);
  tandem_document_commit (f->theirs);
  tandem_signoff_set_name (signoff, "Dana Kaur");
  tandem_document_begin (f->theirs, "Sign Off");
  tandem_list_append (tandem_checklist_get_signoffs (extra), signoff);
  tandem_document_commit (f->theirs);

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_merge_get_n_new_checklists (merge), ==, 1);
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));

  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (f->ours)), ==, 2);
  brought = tandem_list_get (tandem_document_get_checklists (f->ours), 1);
  g_assert_cmpstr (tandem_checklist_get_title (brought), ==, "Gunning principles");
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (brought), ==, 1);
  audit = tandem_checklist_get_audit (brought);
  g_assert_cmpstr (tandem_audit_entry_get_field (tandem_list_get (audit, tandem_list_get_n (audit) - 1)),
                   ==, "brought-in");
  g_assert_true (tandem_checklist_verify (brought, NULL));
  g_assert_null (tandem_document_describe_trust (f->ours));

  tandem_document_undo (f->ours);
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (f->ours)), ==, 1);
  g_assert_null (tandem_document_describe_trust (f->ours));
}

static void
test_choose_by_history (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  TandemMergeConflict *conflict;

  set_status (f->ours, 0, TANDEM_ITEM_STATUS_PARTLY_MET);    /* both changed: a conflict */
  set_status (f->theirs, 0, TANDEM_ITEM_STATUS_MET);
  set_status (f->theirs, 1, TANDEM_ITEM_STATUS_NOT_MET);     /* only theirs: taken */
  set_status (f->ours, 2, TANDEM_ITEM_STATUS_MET);           /* only ours: kept */

  merge = tandem_merge_new (f->ours, f->theirs, &error);
  g_assert_no_error (error);
  conflicts = tandem_merge_choose_by_history (merge);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_true (tandem_merge_entry_get_ours (conflict->entry) == TANDEM_OBJECT (item_at (f->ours, 0)));
  g_assert_cmpstr (conflict->field, ==, "status");
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));

  g_assert_cmpint (tandem_checklist_item_get_status (item_at (f->ours, 0)), ==,
                   TANDEM_ITEM_STATUS_PARTLY_MET);
  g_assert_cmpint (tandem_checklist_item_get_status (item_at (f->ours, 1)), ==,
                   TANDEM_ITEM_STATUS_NOT_MET);
  g_assert_cmpint (tandem_checklist_item_get_status (item_at (f->ours, 2)), ==,
                   TANDEM_ITEM_STATUS_MET);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  g_clear_object (&merge);

  /* Again: what came from the other copy is now shared history, so only the conflict is left. */
  merge = tandem_merge_new (f->ours, f->theirs, &error);
  conflicts = tandem_merge_choose_by_history (merge);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpuint (tandem_merge_get_n_chosen (merge), ==, 0);
}

static void
test_copy (void)
{
  g_autoptr(TandemChecklist) checklist = tandem_checklist_new ();
  g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();
  g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();
  g_autoptr(TandemChecklist) fresh = NULL;
  g_autoptr(TandemChecklist) same = NULL;
  TandemChecklistItem *copied;

  tandem_checklist_set_title (checklist, "Gunning principles");
  tandem_checklist_item_set_key (item, "formative-stage");
  tandem_checklist_item_set_question (item, "Were options still open?");
  tandem_checklist_item_set_uses_ladder (item, TRUE);
  tandem_list_append (tandem_checklist_section_get_items (section), item);
  tandem_list_append (tandem_checklist_get_sections (checklist), section);

  fresh = tandem_object_copy (TANDEM_OBJECT (checklist), TANDEM_COPY_DEFAULT);
  g_assert_cmpstr (tandem_checklist_get_title (fresh), ==, "Gunning principles");
  g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (fresh)), !=,
                   tandem_object_get_id (TANDEM_OBJECT (checklist)));
  copied = tandem_list_get (tandem_checklist_section_get_items (tandem_list_get (tandem_checklist_get_sections (fresh), 0)), 0);
  g_assert_cmpstr (tandem_checklist_item_get_key (copied), ==, "formative-stage");
  g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (copied)), !=,
                   tandem_object_get_id (TANDEM_OBJECT (item)));
  g_assert_true (tandem_checklist_item_get_uses_ladder (copied));
  g_assert_true (tandem_object_get_parent (TANDEM_OBJECT (copied)) ==
                 tandem_list_get (tandem_checklist_get_sections (fresh), 0));

  same = tandem_object_copy (TANDEM_OBJECT (checklist), TANDEM_COPY_KEEP_IDS);
  g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (same)), ==,
                   tandem_object_get_id (TANDEM_OBJECT (checklist)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/merge/disagreements", test_disagreements);
  ADD ("/merge/nothing-without-a-choice", test_nothing_without_a_choice);
  ADD ("/merge/apply-and-undo", test_apply_and_undo);
  ADD ("/merge/attachments", test_attachments);
  ADD ("/merge/unreadable-attachment", test_unreadable_attachment);
  ADD ("/merge/different-project", test_different_project);
  ADD ("/merge/other-template-version", test_other_template_version);
  ADD ("/merge/only-in-one-copy", test_only_in_one_copy);
  ADD ("/merge/per-field", test_per_field);
  ADD ("/merge/provenance", test_provenance);
  ADD ("/merge/signoffs-across", test_signoffs_across);
  ADD ("/merge/shared-signoff-voided", test_shared_signoff_voided);
  ADD ("/merge/bring-in-checklist", test_bring_in_checklist);
  ADD ("/merge/choose-by-history", test_choose_by_history);
#undef ADD
  g_test_add_func ("/model/copy", test_copy);

  return g_test_run ();
}
