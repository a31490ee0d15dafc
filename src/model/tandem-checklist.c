/* tandem-checklist.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-checklist"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-attachment.h"
#include "tandem-audit-entry.h"
#include "tandem-checklist-item.h"
#include "tandem-document-private.h"
#include "tandem-checklist-section.h"
#include "tandem-evidence-link.h"
#include "tandem-checklist-private.h"
#include "tandem-signoff.h"

/*
 * A board assurance checklist: sections of items, a decision, sign-offs and an audit trail.
 */

struct _TandemChecklist
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemChecklist, tandem_checklist, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_TEMPLATE_ID,
  PROP_TEMPLATE_VERSION,
  PROP_SOURCE,
  PROP_DECISION,
  PROP_DECISION_CONDITIONS,
  PROP_DECISION_REASON,
  PROP_AUDIT_HEAD,
  PROP_SECTIONS,
  PROP_SIGNOFFS,
  PROP_AUDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean on_document_before_commit_hook (GSignalInvocationHint *hint,
                                                guint                  n_params,
                                                const GValue          *params,
                                                gpointer               user_data);

static void
tandem_checklist_class_init (TandemChecklistClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "checklist");

  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_DESCRIPTION] = TANDEM_PARAM_STRING ("description", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_TEMPLATE_ID] = TANDEM_PARAM_STRING ("template-id", TANDEM_FIELD_TEXT);
  properties[PROP_TEMPLATE_VERSION] = TANDEM_PARAM_INT ("template-version", 0, 1000000, 0);
  properties[PROP_SOURCE] = TANDEM_PARAM_STRING ("source", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_DECISION] = TANDEM_PARAM_ENUM ("decision", TANDEM_TYPE_DECISION, TANDEM_DECISION_UNDECIDED);
  properties[PROP_DECISION_CONDITIONS] = TANDEM_PARAM_STRING ("decision-conditions", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_DECISION_REASON] = TANDEM_PARAM_STRING ("decision-reason", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_AUDIT_HEAD] = TANDEM_PARAM_STRING ("audit-head", TANDEM_FIELD_TEXT);
  properties[PROP_SECTIONS] = tandem_param_children ("sections", NULL, TANDEM_TYPE_CHECKLIST_SECTION);
  properties[PROP_SIGNOFFS] = tandem_param_children ("signoffs", NULL, TANDEM_TYPE_SIGNOFF);
  properties[PROP_AUDIT] = tandem_param_children ("audit", NULL, TANDEM_TYPE_AUDIT_ENTRY);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);

  /* The audit trail subscribes to the commit of every document rather than the document
   * calling it by name: the model below it need not know that checklists keep one. A
   * document can only hold a checklist once this class exists, so no commit that needs an
   * audit can happen before the hook is in place. Emission hooks run before ordinary
   * handlers, so anything else watching before-commit sees the audit entries too. */
  g_type_class_ref (TANDEM_TYPE_DOCUMENT);
  g_signal_add_emission_hook (g_signal_lookup ("before-commit", TANDEM_TYPE_DOCUMENT), 0,
                              on_document_before_commit_hook, NULL, NULL);
}

static void
tandem_checklist_init (TandemChecklist *self)
{
}

TandemChecklist *
tandem_checklist_new (void)
{
  return g_object_new (TANDEM_TYPE_CHECKLIST, NULL);
}

TANDEM_STRING_FIELD (TandemChecklist, tandem_checklist, title, PROP_TITLE)
TANDEM_STRING_FIELD (TandemChecklist, tandem_checklist, description, PROP_DESCRIPTION)
TANDEM_STRING_FIELD (TandemChecklist, tandem_checklist, template_id, PROP_TEMPLATE_ID)
TANDEM_SCALAR_FIELD (TandemChecklist, tandem_checklist, template_version, PROP_TEMPLATE_VERSION, int, int)
TANDEM_STRING_FIELD (TandemChecklist, tandem_checklist, source, PROP_SOURCE)
TANDEM_SCALAR_FIELD (TandemChecklist, tandem_checklist, decision, PROP_DECISION, TandemDecision, enum)
TANDEM_STRING_FIELD (TandemChecklist, tandem_checklist, decision_conditions, PROP_DECISION_CONDITIONS)
TANDEM_STRING_FIELD (TandemChecklist, tandem_checklist, decision_reason, PROP_DECISION_REASON)
TANDEM_STRING_FIELD (TandemChecklist, tandem_checklist, audit_head, PROP_AUDIT_HEAD)
TANDEM_LIST_FIELD (TandemChecklist, tandem_checklist, sections, PROP_SECTIONS)
TANDEM_LIST_FIELD (TandemChecklist, tandem_checklist, signoffs, PROP_SIGNOFFS)
TANDEM_LIST_FIELD (TandemChecklist, tandem_checklist, audit, PROP_AUDIT)

/**
 * tandem_progress_get_count_slot:
 *
 * The one place that says which count a status goes to. Every view (the chips, the sidebar,
 * section and checklist progress, the appendix) reads counts through
 * tandem_progress_get_count(), so "in progress" is never folded into "not started" again.
 */
static guint *
tandem_progress_get_count_slot (TandemProgress   *progress,
                                TandemItemStatus  status)
{
  switch (status)
    {
    case TANDEM_ITEM_STATUS_NOT_STARTED:
      return &progress->not_started;
    case TANDEM_ITEM_STATUS_IN_PROGRESS:
      return &progress->in_progress;
    case TANDEM_ITEM_STATUS_MET:
      return &progress->met;
    case TANDEM_ITEM_STATUS_PARTLY_MET:
      return &progress->partly_met;
    case TANDEM_ITEM_STATUS_NOT_MET:
      return &progress->not_met;
    case TANDEM_ITEM_STATUS_NOT_APPLICABLE:
      return &progress->not_applicable;
    default:
      g_assert_not_reached ();
    }
}

/**
 * tandem_progress_get_count:
 *
 * Returns: how many applicable items have @status; each status is counted on its own
 */
guint
tandem_progress_get_count (const TandemProgress *progress,
                           TandemItemStatus      status)
{
  return *tandem_progress_get_count_slot ((TandemProgress *)progress, status);
}

/**
 * tandem_progress_is_answered_status:
 *
 * Returns: whether an item with @status counts as answered: not started and in progress do
 *   not
 */
gboolean
tandem_progress_is_answered_status (TandemItemStatus status)
{
  return status != TANDEM_ITEM_STATUS_NOT_STARTED && status != TANDEM_ITEM_STATUS_IN_PROGRESS;
}

static void
add_item (TandemChecklistItem *item,
          const GDate         *today,
          TandemProgress      *progress)
{
  TandemItemStatus status;

  if (!tandem_checklist_item_is_applicable (item))
    return;

  status = tandem_checklist_item_get_status (item);
  progress->applicable++;
  (*tandem_progress_get_count_slot (progress, status))++;
  if (tandem_progress_is_answered_status (status))
    progress->answered++;

  if (today != NULL && tandem_checklist_item_is_overdue (item, today))
    progress->overdue++;
}

/**
 * tandem_checklist_section_progress:
 * @today: (nullable): to count overdue items
 *
 * Adds the counts of @section's applicable items to @progress.
 */
void
tandem_checklist_section_progress (TandemChecklistSection *section,
                                   const GDate            *today,
                                   TandemProgress         *progress)
{
  TandemList *items = tandem_checklist_section_get_items (section);

  for (guint i = 0; i < tandem_list_get_n (items); i++)
    add_item (tandem_list_get (items, i), today, progress);
}

/**
 * tandem_checklist_get_progress:
 * @today: (nullable): to count overdue items
 */
void
tandem_checklist_get_progress (TandemChecklist *self,
                               const GDate     *today,
                               TandemProgress  *progress)
{
  TandemList *sections = tandem_checklist_get_sections (self);

  memset (progress, 0, sizeof *progress);

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    tandem_checklist_section_progress (tandem_list_get (sections, i), today, progress);
}

/**
 * tandem_progress_get_fraction:
 *
 * Returns: the share of applicable items that have been answered, 0 to 1
 */
double
tandem_progress_get_fraction (const TandemProgress *progress)
{
  if (progress->applicable == 0)
    return 0.0;

  return (double)progress->answered / progress->applicable;
}

/**
 * tandem_checklist_count_open_questions:
 * @gate_open: (out) (optional): whether a decision-gate question is among them
 *
 * Returns: how many questions that apply are not met or not answered (anything but met and
 *   not applicable): recording "Proceed" or signing off over them asks for a reason
 */
guint
tandem_checklist_count_open_questions (TandemChecklist *self,
                                       gboolean        *gate_open)
{
  TandemList *sections = tandem_checklist_get_sections (self);
  guint n = 0;

  if (gate_open != NULL)
    *gate_open = FALSE;

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemChecklistSection *section = tandem_list_get (sections, i);
      TandemList *items = tandem_checklist_section_get_items (section);
      /* The board's decision gate is the section the templates key "decision-gate". */
      gboolean gate = g_str_equal (tandem_checklist_section_get_key (section), "decision-gate");

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        {
          TandemChecklistItem *item = tandem_list_get (items, j);
          TandemItemStatus status = tandem_checklist_item_get_status (item);

          if (!tandem_checklist_item_is_applicable (item) || status == TANDEM_ITEM_STATUS_MET ||
              status == TANDEM_ITEM_STATUS_NOT_APPLICABLE)
            continue;

          n++;
          if (gate && gate_open != NULL)
            *gate_open = TRUE;
        }
    }

  return n;
}

gboolean
tandem_checklist_is_answer_field (GParamSpec *pspec)
{
  return pspec == properties[PROP_DECISION] || pspec == properties[PROP_DECISION_CONDITIONS] ||
         pspec == properties[PROP_DECISION_REASON];
}

guint
tandem_checklist_count_active_signoffs (TandemChecklist *self)
{
  TandemList *signoffs = tandem_checklist_get_signoffs (self);
  guint n = 0;

  for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
    {
      if (tandem_signoff_get_voided_at (tandem_list_get (signoffs, i))[0] == '\0')
        n++;
    }

  return n;
}

/* The audit trail and void-on-change, generic over the transaction's recorded changes. */

static TandemChecklist *
find_checklist (TandemObject *object)
{
  for (TandemObject *o = object; o != NULL; o = tandem_object_get_parent (o))
    {
      if (TANDEM_IS_CHECKLIST (o))
        return TANDEM_CHECKLIST (o);
    }

  return NULL;
}

/* How the trail names a link: its address, or for a link to something in the project (which
 * has none) its title. */
static const char *
evidence_link_audit_text (TandemEvidenceLink *link)
{
  const char *uri = tandem_evidence_link_get_uri (link);

  return uri[0] != '\0' ? uri : tandem_evidence_link_get_title (link);
}

static char *
value_to_text (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      return g_strdup (enum_value ? enum_value->value_nick : "");
    }

  return g_strdup_value_contents (value);
}

static const char *
describe_subject (TandemObject *object)
{
  if (TANDEM_IS_CHECKLIST_ITEM (object))
    return tandem_checklist_item_get_question (TANDEM_CHECKLIST_ITEM (object));
  if (TANDEM_IS_SIGNOFF (object))
    return tandem_signoff_get_name (TANDEM_SIGNOFF (object));
  if (TANDEM_IS_CHECKLIST (object))
    return tandem_checklist_get_title (TANDEM_CHECKLIST (object));

  return tandem_object_get_kind (object);
}

static GQuark
provenance_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("tandem-provenance");

  return quark;
}

static TandemProvenance *
get_provenance (TandemDocument *document)
{
  return g_object_get_qdata (G_OBJECT (document), provenance_quark ());
}

/**
 * _tandem_document_set_provenance:
 * @provenance: (nullable): where the changes of the transaction about to commit come from;
 *   %NULL when they are the reviewer's own
 *
 * The caller keeps @provenance alive until it sets %NULL again, straight after the commit.
 */
void
_tandem_document_set_provenance (TandemDocument   *document,
                                 TandemProvenance *provenance)
{
  g_object_set_qdata (G_OBJECT (document), provenance_quark (), provenance);
}

char *
_tandem_provenance_key (const char *subject_id,
                        const char *field)
{
  return g_strconcat (subject_id, "\x1f", field, NULL);
}

static gboolean
is_imported (TandemDocument *document,
             TandemSignoff  *signoff)
{
  TandemProvenance *provenance = get_provenance (document);

  return provenance != NULL && provenance->imported != NULL &&
         g_hash_table_contains (provenance->imported, signoff);
}

static void
append_audit_from (TandemDocument  *document,
                   TandemChecklist *checklist,
                   TandemObject    *subject,
                   const char      *field,
                   const char      *old_value,
                   const char      *new_value,
                   const char      *origin)
{
  g_autoptr(TandemAuditEntry) entry = tandem_audit_entry_new ();
  g_autofree char *now = tandem_document_now (document);
  TandemList *audit = tandem_checklist_get_audit (checklist);

  TandemProvenance *provenance = get_provenance (document);
  const char *who = tandem_document_get_reviewer (document);
  const char *role = tandem_document_get_reviewer_role (document);

  if (provenance != NULL)
    {
      g_autofree char *key = _tandem_provenance_key (tandem_object_get_id (subject), field);
      TandemAuditEntry *theirs = g_hash_table_lookup (provenance->attribution, key);

      /* This copy's own sign-offs are voided here, by the merge, not by whoever voided
       * them in the other copy. */
      if (TANDEM_IS_SIGNOFF (subject) && !is_imported (document, TANDEM_SIGNOFF (subject)))
        theirs = NULL;

      /* The value came from the other copy: who set it there, in what role. Where that copy's
       * trail does not say (a change Tandem made, such as voiding), the reviewer merging. */
      if (theirs != NULL && tandem_audit_entry_get_who (theirs)[0] != '\0')
        {
          who = tandem_audit_entry_get_who (theirs);
          role = tandem_audit_entry_get_role (theirs);
        }
      if (origin[0] == '\0')
        origin = provenance->origin;
    }

  tandem_audit_entry_set_timestamp (entry, now);
  tandem_audit_entry_set_who (entry, who);
  tandem_audit_entry_set_role (entry, role);
  tandem_audit_entry_set_origin (entry, origin);
  tandem_audit_entry_set_subject_id (entry, tandem_object_get_id (subject));
  tandem_audit_entry_set_subject (entry, describe_subject (subject));
  tandem_audit_entry_set_field (entry, field);
  tandem_audit_entry_set_old_value (entry, old_value);
  tandem_audit_entry_set_new_value (entry, new_value);
  tandem_list_append (audit, entry);
  _tandem_checklist_chain_from (checklist, tandem_list_get_n (audit) - 1);
}

static void
append_audit (TandemDocument  *document,
              TandemChecklist *checklist,
              TandemObject    *subject,
              const char      *field,
              const char      *old_value,
              const char      *new_value)
{
  append_audit_from (document, checklist, subject, field, old_value, new_value, "");
}

/* When the open transaction will fold into the previous undo step (typing into one field),
 * the entry that step made for the same field is brought up to date instead of adding
 * another: one entry per edit, from the value before it to the value after it. Only entries
 * this session added and has not yet saved are ever brought up to date (a transaction never
 * folds into one from before a save), and the chain is linked again from that entry. */
static TandemAuditEntry *
find_merged_entry (TandemDocument  *document,
                   TandemChecklist *checklist,
                   TandemObject    *subject,
                   const char      *field)
{
  TandemTransaction *target = _tandem_document_get_merge_target (document);
  TandemList *audit = tandem_checklist_get_audit (checklist);

  if (target == NULL)
    return NULL;

  for (guint i = tandem_transaction_get_n_changes (target); i-- > 0;)
    {
      const TandemChange *change = tandem_transaction_get_change (target, i);
      TandemAuditEntry *entry;

      if (change->kind != TANDEM_CHANGE_INSERT || change->list != audit ||
          !TANDEM_IS_AUDIT_ENTRY (change->object))
        continue;

      entry = TANDEM_AUDIT_ENTRY (change->object);
      if (g_str_equal (tandem_audit_entry_get_subject_id (entry), tandem_object_get_id (subject)) &&
          g_str_equal (tandem_audit_entry_get_field (entry), field))
        return entry;
    }

  return NULL;
}

static void
update_merged_entry (TandemChecklist  *checklist,
                     TandemAuditEntry *entry,
                     const char       *new_value)
{
  TandemList *audit = tandem_checklist_get_audit (checklist);

  tandem_audit_entry_set_new_value (entry, new_value);

  for (guint i = 0; i < tandem_list_get_n (audit); i++)
    {
      if (tandem_list_get (audit, i) == (gpointer)entry)
        {
          _tandem_checklist_chain_from (checklist, i);
          break;
        }
    }
}

static void
void_signoffs (TandemDocument  *document,
               TandemChecklist *checklist,
               TandemObject    *subject)
{
  TandemList *signoffs = tandem_checklist_get_signoffs (checklist);
  g_autofree char *now = NULL;
  g_autofree char *reason = NULL;

  for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
    {
      TandemSignoff *signoff = tandem_list_get (signoffs, i);

      if (tandem_signoff_get_voided_at (signoff)[0] != '\0' || is_imported (document, signoff))
        continue;

      if (now == NULL)
        {
          now = tandem_document_now (document);
          /* TRANSLATORS: why a sign-off no longer stands; %s is a question or "Decision" */
          reason = g_strdup_printf (_("An answer changed after sign-off: %s"),
                                    describe_subject (subject));
        }

      tandem_signoff_set_voided_at (signoff, now);
      tandem_signoff_set_void_reason (signoff, reason);
      append_audit (document, checklist, TANDEM_OBJECT (signoff), "voided-at", "", now);
    }
}

/* A sign-off brought in from another copy keeps the moment it was made and the hash of the
 * answers it covered there. It stands here only while this copy's answers are those answers:
 * over any others it is voided as it comes in, saying why, so that it never shows as a forgery
 * and never vouches for answers its signer did not see. */
static void
import_signoff (TandemDocument  *document,
                TandemChecklist *checklist,
                TandemSignoff   *signoff)
{
  TandemProvenance *provenance = get_provenance (document);
  g_autofree char *text = tandem_signoff_describe_for_audit (signoff);
  g_autofree char *hash = tandem_checklist_hash_answers (checklist);

  append_audit (document, checklist, TANDEM_OBJECT (signoff), "signed", "", text);

  if (tandem_signoff_get_voided_at (signoff)[0] != '\0')
    {
      append_audit (document, checklist, TANDEM_OBJECT (signoff), "voided-at", "",
                    tandem_signoff_get_voided_at (signoff));
    }
  else if (!g_str_equal (hash, tandem_signoff_get_answers_hash (signoff)))
    {
      g_autofree char *now = tandem_document_now (document);

      tandem_signoff_set_voided_at (signoff, now);
      tandem_signoff_set_void_reason (signoff, provenance->void_reason);
      append_audit (document, checklist, TANDEM_OBJECT (signoff), "voided-at", "", now);
    }
}

/*
 * The audit trail, on TandemDocument::before-commit of any document: every change to an
 * answer, a decision or a sign-off gets an audit entry in its checklist, and a change to an
 * answer voids the checklist's sign-offs. These changes join the same transaction, so one undo
 * takes back the answer, its audit entry and the voiding together.
 */
static gboolean
on_document_before_commit_hook (GSignalInvocationHint *hint,
                                guint                  n_params,
                                const GValue          *params,
                                gpointer               user_data)
{
  TandemDocument *document = g_value_get_object (&params[0]);
  TandemTransaction *transaction = g_value_get_pointer (&params[1]);
  guint n;

  g_assert (n_params == 2);
  g_assert (TANDEM_IS_DOCUMENT (document));

  n = tandem_transaction_get_n_changes (transaction);

  for (guint i = 0; i < n; i++)
    {
      /* Copy what we need first: adding changes below may move the recorded ones. */
      const TandemChange *change = tandem_transaction_get_change (transaction, i);
      g_autoptr(TandemObject) object = g_object_ref (change->object);
      TandemObject *owner = change->list ? tandem_list_get_owner (change->list) : NULL;
      TandemChangeKind kind = change->kind;
      GParamSpec *pspec = change->pspec;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      TandemObject *subject = object;
      TandemChecklist *checklist;
      const char *field = NULL;
      gboolean answer = FALSE;

      if (kind == TANDEM_CHANGE_PROPERTY)
        {
          old_text = value_to_text (&change->old_value);
          new_text = value_to_text (&change->new_value);
        }

      checklist = find_checklist (owner != NULL ? owner : object);
      if (checklist == NULL || TANDEM_IS_AUDIT_ENTRY (object))
        continue;

      if (kind == TANDEM_CHANGE_PROPERTY)
        {
          if (TANDEM_IS_CHECKLIST_ITEM (object))
            answer = tandem_checklist_item_is_answer_field (pspec);
          else if (TANDEM_IS_CHECKLIST (object))
            answer = tandem_checklist_is_answer_field (pspec);

          if (!answer && !TANDEM_IS_SIGNOFF (object))
            continue;

          field = pspec->name;
        }
      else if (TANDEM_IS_SIGNOFF (object))
        {
          g_autofree char *who = NULL;

          /* A sign-off records the moment it was made and the answers it covers; neither is
           * for the user to type. */
          if (kind == TANDEM_CHANGE_INSERT && is_imported (document, TANDEM_SIGNOFF (object)))
            {
              import_signoff (document, checklist, TANDEM_SIGNOFF (object));
              continue;
            }
          if (kind == TANDEM_CHANGE_INSERT)
            {
              g_autofree char *now = tandem_document_now (document);
              g_autofree char *hash = tandem_checklist_hash_answers (checklist);

              tandem_signoff_set_signed_at (TANDEM_SIGNOFF (object), now);
              tandem_signoff_set_answers_hash (TANDEM_SIGNOFF (object), hash);
            }
          who = tandem_signoff_describe_for_audit (TANDEM_SIGNOFF (object));

          field = kind == TANDEM_CHANGE_INSERT ? "signed" : "removed";
          old_text = g_strdup (kind == TANDEM_CHANGE_INSERT ? "" : who);
          new_text = g_strdup (kind == TANDEM_CHANGE_INSERT ? who : "");
        }
      else if (TANDEM_IS_CHECKLIST_ITEM (owner) &&
               (TANDEM_IS_EVIDENCE_LINK (object) || TANDEM_IS_ATTACHMENT (object)))
        {
          const char *what = TANDEM_IS_EVIDENCE_LINK (object)
            ? evidence_link_audit_text (TANDEM_EVIDENCE_LINK (object))
            : tandem_attachment_get_name (TANDEM_ATTACHMENT (object));

          subject = owner;
          field = tandem_object_get_kind (object);
          old_text = g_strdup (kind == TANDEM_CHANGE_INSERT ? "" : what);
          new_text = g_strdup (kind == TANDEM_CHANGE_INSERT ? what : "");
          answer = TRUE;
        }
      else
        {
          continue;
        }

      if (kind == TANDEM_CHANGE_PROPERTY)
        {
          TandemAuditEntry *merged = find_merged_entry (document, checklist, subject, field);

          if (merged != NULL)
            {
              update_merged_entry (checklist, merged, new_text);
              continue;
            }
        }

      append_audit (document, checklist, subject, field, old_text, new_text);

      if (answer)
        void_signoffs (document, checklist, subject);
    }

  return TRUE;  /* stay subscribed */
}

/**
 * _tandem_checklist_is_append_only_change:
 *
 * Returns: whether undo and redo must leave @change alone: entries added to an audit trail,
 *   changes to those entries, and the chain's head. The trail only grows.
 */
gboolean
_tandem_checklist_is_append_only_change (const TandemChange *change)
{
  if (TANDEM_IS_AUDIT_ENTRY (change->object))
    return TRUE;

  return change->kind == TANDEM_CHANGE_PROPERTY && TANDEM_IS_CHECKLIST (change->object) &&
         change->pspec == properties[PROP_AUDIT_HEAD];
}

/**
 * _tandem_checklist_after_replay:
 *
 * Called by the document after undo (@backwards) or redo: for every answer, decision or
 * sign-off the step changed, adds an audit entry saying so, marked "undo" or "redo" as its
 * origin. Nothing is taken out of the trail, so the chain stays valid and the record shows
 * that an answer was given and then taken back. A sign-off voided by the undone change
 * stands again (its answers are again the ones it covered), and the trail says that too.
 */
void
_tandem_checklist_after_replay (TandemDocument    *document,
                                TandemTransaction *transaction,
                                gboolean           backwards)
{
  guint n = tandem_transaction_get_n_changes (transaction);
  const char *origin = backwards ? "undo" : "redo";

  for (guint k = 0; k < n; k++)
    {
      guint i = backwards ? n - 1 - k : k;
      const TandemChange *change = tandem_transaction_get_change (transaction, i);
      TandemObject *object = change->object;
      TandemObject *owner = change->list ? tandem_list_get_owner (change->list) : NULL;
      TandemChecklist *checklist;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      TandemObject *subject = object;
      const char *field;

      if (_tandem_checklist_is_append_only_change (change))
        continue;

      checklist = find_checklist (owner != NULL ? owner : object);
      if (checklist == NULL)
        continue;

      if (change->kind == TANDEM_CHANGE_PROPERTY)
        {
          GParamSpec *pspec = change->pspec;

          if (TANDEM_IS_CHECKLIST_ITEM (object))
            {
              if (!tandem_checklist_item_is_answer_field (pspec))
                continue;
            }
          else if (TANDEM_IS_CHECKLIST (object))
            {
              if (!tandem_checklist_is_answer_field (pspec))
                continue;
            }
          else if (TANDEM_IS_SIGNOFF (object))
            {
              /* Only whether it stands; what it was signed with is in its "signed" entry. */
              if (!g_str_equal (pspec->name, "voided-at"))
                continue;
            }
          else
            continue;

          field = pspec->name;
          old_text = value_to_text (backwards ? &change->new_value : &change->old_value);
          new_text = value_to_text (backwards ? &change->old_value : &change->new_value);
        }
      else
        {
          gboolean now_in = (change->kind == TANDEM_CHANGE_INSERT) != backwards;

          if (TANDEM_IS_SIGNOFF (object))
            {
              g_autofree char *who = tandem_signoff_describe_for_audit (TANDEM_SIGNOFF (object));

              field = now_in ? "signed" : "removed";
              old_text = g_strdup (now_in ? "" : who);
              new_text = g_strdup (now_in ? who : "");
            }
          else if (TANDEM_IS_CHECKLIST_ITEM (owner) &&
                   (TANDEM_IS_EVIDENCE_LINK (object) || TANDEM_IS_ATTACHMENT (object)))
            {
              const char *what = TANDEM_IS_EVIDENCE_LINK (object)
                ? evidence_link_audit_text (TANDEM_EVIDENCE_LINK (object))
                : tandem_attachment_get_name (TANDEM_ATTACHMENT (object));

              subject = owner;
              field = tandem_object_get_kind (object);
              old_text = g_strdup (now_in ? "" : what);
              new_text = g_strdup (now_in ? what : "");
            }
          else
            continue;
        }

      append_audit_from (document, checklist, subject, field, old_text, new_text, origin);
    }
}
