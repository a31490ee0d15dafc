/* test-checklist-model.c: answers, progress, conditions, the audit trail and void-on-change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-audit-entry.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-checklist.h"
#include "tandem-condition.h"
#include "tandem-document.h"
#include "tandem-evidence-link.h"
#include "tandem-signoff.h"

typedef struct
{
  TandemDocument         *document;
  TandemChecklist        *checklist;
  TandemChecklistSection *section;
  TandemChecklistItem    *items[4];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TandemCondition) beds = tandem_condition_new ("beds-reduced", "Beds reduced");

  f->document = tandem_document_new ();
  tandem_document_set_reviewer (f->document, "Dr A Reviewer");
  tandem_document_set_fixed_time (f->document, "2026-11-23T10:00:00Z");
  f->checklist = tandem_checklist_new ();
  f->section = tandem_checklist_section_new ();
  tandem_checklist_set_title (f->checklist, "Board assurance");

  tandem_document_begin (f->document, "Set up");
  tandem_list_append (tandem_document_get_conditions (f->document), beds);
  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    {
      g_autofree char *question = g_strdup_printf ("Question %u?", i + 1);

      f->items[i] = tandem_checklist_item_new ();
      tandem_checklist_item_set_question (f->items[i], question);
      tandem_list_append (tandem_checklist_section_get_items (f->section), f->items[i]);
    }
  tandem_checklist_item_set_condition (f->items[3], "beds-reduced");
  tandem_list_append (tandem_checklist_get_sections (f->checklist), f->section);
  tandem_list_append (tandem_document_get_checklists (f->document), f->checklist);
  tandem_document_commit (f->document);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    g_object_unref (f->items[i]);
  g_object_unref (f->section);
  g_object_unref (f->checklist);
  g_object_unref (f->document);
}

static void
answer (Fixture          *f,
        guint             index,
        TandemItemStatus  status)
{
  tandem_document_begin (f->document, "Answer");
  tandem_checklist_item_set_status (f->items[index], status);
  tandem_document_commit (f->document);
}

static void
test_rag (Fixture       *f,
          gconstpointer  data)
{
  g_assert_cmpint (tandem_checklist_item_get_rag (f->items[0]), ==, TANDEM_RAG_NONE);
  answer (f, 0, TANDEM_ITEM_STATUS_MET);
  g_assert_cmpint (tandem_checklist_item_get_rag (f->items[0]), ==, TANDEM_RAG_GREEN);
  answer (f, 0, TANDEM_ITEM_STATUS_NOT_MET);
  g_assert_cmpint (tandem_checklist_item_get_rag (f->items[0]), ==, TANDEM_RAG_RED);

  tandem_document_begin (f->document, "Override");
  tandem_checklist_item_set_rag_override (f->items[0], TANDEM_RAG_AMBER);
  tandem_document_commit (f->document);
  g_assert_cmpint (tandem_checklist_item_get_rag (f->items[0]), ==, TANDEM_RAG_AMBER);
}

static void
test_progress_and_conditions (Fixture       *f,
                              gconstpointer  data)
{
  TandemProgress progress;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);

  tandem_checklist_get_progress (f->checklist, &today, &progress);
  g_assert_cmpuint (progress.applicable, ==, 3);  /* item 4 waits for its condition */
  g_assert_cmpuint (progress.not_started, ==, 3);

  /* "In progress" is a count of its own, not folded into "not started", and not answered. */
  answer (f, 0, TANDEM_ITEM_STATUS_IN_PROGRESS);
  tandem_checklist_get_progress (f->checklist, &today, &progress);
  g_assert_cmpuint (tandem_progress_get_count (&progress, TANDEM_ITEM_STATUS_IN_PROGRESS), ==, 1);
  g_assert_cmpuint (tandem_progress_get_count (&progress, TANDEM_ITEM_STATUS_NOT_STARTED), ==, 2);
  g_assert_cmpuint (progress.answered, ==, 0);
  {
    TandemList *items = tandem_checklist_section_get_items (f->section);
    TandemProgress section = { 0 };

    tandem_checklist_section_progress (f->section, &today, &section);
    g_assert_cmpuint (tandem_list_get_n (items), ==, 4);
    g_assert_cmpuint (tandem_progress_get_count (&section, TANDEM_ITEM_STATUS_IN_PROGRESS), ==, 1);
    g_assert_cmpuint (tandem_progress_get_count (&section, TANDEM_ITEM_STATUS_NOT_STARTED), ==, 2);
  }

  answer (f, 0, TANDEM_ITEM_STATUS_MET);
  answer (f, 1, TANDEM_ITEM_STATUS_PARTLY_MET);
  tandem_document_begin (f->document, "Due");
  tandem_checklist_item_set_due_date (f->items[2], "2026-11-01");
  tandem_document_commit (f->document);

  tandem_checklist_get_progress (f->checklist, &today, &progress);
  g_assert_cmpuint (progress.met, ==, 1);
  g_assert_cmpuint (progress.partly_met, ==, 1);
  g_assert_cmpuint (progress.overdue, ==, 1);
  /* Every applicable item is in exactly one status count. */
  {
    guint sum = 0;

    for (TandemItemStatus s = TANDEM_ITEM_STATUS_NOT_STARTED; s <= TANDEM_ITEM_STATUS_NOT_APPLICABLE; s++)
      sum += tandem_progress_get_count (&progress, s);
    g_assert_cmpuint (sum, ==, progress.applicable);
  }
  g_assert_cmpfloat_with_epsilon (tandem_progress_get_fraction (&progress), 2.0 / 3.0, 1e-9);

  tandem_document_begin (f->document, "Condition on");
  tandem_condition_set_enabled (tandem_document_find_condition (f->document, "beds-reduced"), TRUE);
  tandem_document_commit (f->document);
  g_assert_true (tandem_checklist_item_is_applicable (f->items[3]));
  tandem_checklist_get_progress (f->checklist, &today, &progress);
  g_assert_cmpuint (progress.applicable, ==, 4);
}

static void
test_audit_and_void (Fixture       *f,
                     gconstpointer  data)
{
  TandemList *audit = tandem_checklist_get_audit (f->checklist);
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();
  TandemAuditEntry *entry;

  answer (f, 0, TANDEM_ITEM_STATUS_MET);
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 1);
  entry = tandem_list_get (audit, 0);
  g_assert_cmpstr (tandem_audit_entry_get_who (entry), ==, "Dr A Reviewer");
  g_assert_cmpstr (tandem_audit_entry_get_timestamp (entry), ==, "2026-11-23T10:00:00Z");
  g_assert_cmpstr (tandem_audit_entry_get_field (entry), ==, "status");
  g_assert_cmpstr (tandem_audit_entry_get_old_value (entry), ==, "not-started");
  g_assert_cmpstr (tandem_audit_entry_get_new_value (entry), ==, "met");
  g_assert_cmpstr (tandem_audit_entry_get_subject (entry), ==, "Question 1?");

  /* A question is not an answer: no audit entry. */
  tandem_document_begin (f->document, "Reword");
  tandem_checklist_item_set_question (f->items[1], "Reworded?");
  tandem_document_commit (f->document);
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 1);

  tandem_signoff_set_name (signoff, "Jo Chair");
  tandem_signoff_set_role (signoff, "Chair");
  tandem_document_begin (f->document, "Sign Off");
  tandem_list_append (tandem_checklist_get_signoffs (f->checklist), signoff);
  tandem_document_commit (f->document);
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 2);
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (f->checklist), ==, 1);

  /* Changing an answer after sign-off voids it, with when and why. */
  answer (f, 0, TANDEM_ITEM_STATUS_NOT_MET);
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (f->checklist), ==, 0);
  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), ==, "2026-11-23T10:00:00Z");
  g_assert_nonnull (strstr (tandem_signoff_get_void_reason (signoff), "Question 1?"));
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 4);  /* the answer, and the voiding */

  /* One undo takes back the answer and the voiding; the audit trail only grows: it says
   * that the answer went back and the sign-off stands again, and the chain stays valid. */
  tandem_document_undo (f->document);
  g_assert_cmpint (tandem_checklist_item_get_status (f->items[0]), ==, TANDEM_ITEM_STATUS_MET);
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (f->checklist), ==, 1);
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 6);
  entry = tandem_list_get (audit, 4);
  g_assert_cmpstr (tandem_audit_entry_get_field (entry), ==, "voided-at");
  g_assert_cmpstr (tandem_audit_entry_get_new_value (entry), ==, "");
  g_assert_cmpstr (tandem_audit_entry_get_origin (entry), ==, "undo");
  entry = tandem_list_get (audit, 5);
  g_assert_cmpstr (tandem_audit_entry_get_field (entry), ==, "status");
  g_assert_cmpstr (tandem_audit_entry_get_old_value (entry), ==, "not-met");
  g_assert_cmpstr (tandem_audit_entry_get_new_value (entry), ==, "met");
  g_assert_true (tandem_checklist_verify (f->checklist, NULL));

  /* Redo voids it again, also by adding entries. */
  tandem_document_redo (f->document);
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (f->checklist), ==, 0);
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 8);
  g_assert_true (tandem_checklist_verify (f->checklist, NULL));
}

static void
test_evidence_link_voids (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();
  g_autoptr(TandemEvidenceLink) link = tandem_evidence_link_new ();

  tandem_document_begin (f->document, "Sign Off");
  tandem_list_append (tandem_checklist_get_signoffs (f->checklist), signoff);
  tandem_document_commit (f->document);
  /* Otherwise the count below would be 0 whatever adding a link did. */
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (f->checklist), ==, 1);
  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), ==, "");

  tandem_evidence_link_set_uri (link, "https://example.org/engagement-report.pdf");
  tandem_document_begin (f->document, "Add Link");
  tandem_list_append (tandem_checklist_item_get_links (f->items[2]), link);
  tandem_document_commit (f->document);

  g_assert_cmpuint (tandem_checklist_count_active_signoffs (f->checklist), ==, 0);
  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), ==, "2026-11-23T10:00:00Z");
}

static void
type_evidence (Fixture    *f,
               const char *text)
{
  tandem_document_begin_merge (f->document, "Edit Evidence", "evidence-of-item-1");
  tandem_checklist_item_set_evidence (f->items[0], text);
  tandem_document_commit (f->document);
}

static void
test_audit_typing (Fixture       *f,
                   gconstpointer  data)
{
  TandemList *audit = tandem_checklist_get_audit (f->checklist);
  TandemAuditEntry *entry;

  /* Typing into a field is one undo step and one audit entry, from the value before the
   * edit to the value after it, not one entry per keystroke. */
  type_evidence (f, "M");
  type_evidence (f, "Mi");
  type_evidence (f, "Minutes");
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 1);
  entry = tandem_list_get (audit, 0);
  g_assert_cmpstr (tandem_audit_entry_get_field (entry), ==, "evidence");
  g_assert_cmpstr (tandem_audit_entry_get_old_value (entry), ==, "");
  g_assert_cmpstr (tandem_audit_entry_get_new_value (entry), ==, "Minutes");

  /* Leaving the field starts a new edit. */
  tandem_document_break_merge (f->document);
  type_evidence (f, "Minutes of 3 May");
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 2);
  entry = tandem_list_get (audit, 1);
  g_assert_cmpstr (tandem_audit_entry_get_old_value (entry), ==, "Minutes");
  g_assert_cmpstr (tandem_audit_entry_get_new_value (entry), ==, "Minutes of 3 May");

  /* Undo takes back the second edit, then the first, each adding an entry that says so. */
  tandem_document_undo (f->document);
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 3);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (f->items[0]), ==, "Minutes");
  tandem_document_undo (f->document);
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 4);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (f->items[0]), ==, "");
  entry = tandem_list_get (audit, 3);
  g_assert_cmpstr (tandem_audit_entry_get_old_value (entry), ==, "Minutes");
  g_assert_cmpstr (tandem_audit_entry_get_new_value (entry), ==, "");

  /* Redo gives the final value again, with an entry of its own. */
  tandem_document_redo (f->document);
  g_assert_cmpuint (tandem_list_get_n (audit), ==, 5);
  g_assert_cmpstr (tandem_audit_entry_get_new_value (tandem_list_get (audit, 4)), ==, "Minutes");
  g_assert_cmpstr (tandem_audit_entry_get_origin (tandem_list_get (audit, 4)), ==, "redo");
  g_assert_true (tandem_checklist_verify (f->checklist, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/checklist/model/rag", test_rag);
  ADD ("/checklist/model/progress-and-conditions", test_progress_and_conditions);
  ADD ("/checklist/model/audit-and-void", test_audit_and_void);
  ADD ("/checklist/model/evidence-link-voids", test_evidence_link_voids);
  ADD ("/checklist/model/audit-typing", test_audit_typing);
#undef ADD

  return g_test_run ();
}
