/* tandem-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-attachment.h"
#include "tandem-audit-entry.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-private.h"
#include "tandem-checklist-section.h"
#include "tandem-checklist.h"
#include "tandem-activity.h"
#include "tandem-activity-file.h"
#include "tandem-copy.h"
#include "tandem-engagement.h"
#include "tandem-group.h"
#include "tandem-evidence-link.h"
#include "tandem-merge.h"
#include "tandem-signoff.h"

/*
 * Board members often answer the same checklist in their own copies of the project file.
 * TandemMerge compares another copy with this document: it matches checklists and items by
 * id (copies of one file share them), makes a TandemMergeEntry for every answer either
 * reviewer gave, and applies the answers the user chose as one undoable transaction.
 *
 * The user chooses per field (status, rating, evidence, links, ...), not only per answer, and
 * each side of a field shows who last changed it and when, from that copy's audit trail.
 *
 * Provenance: the merge's audit entries say where each value came from: origin
 * "merge: <file name>", who and role those of the other copy's last entry for that field
 * (the merging reviewer where that trail is silent). The other copy's own audit entries that
 * this copy does not have (matched by id) for the fields taken are appended too, in their
 * order, with their times and names and that origin; all are linked onto this copy's chain with the same chain
 * function as any other entry, so the chain stays valid, and undo only adds entries.
 *
 * Sign-offs of the other copy that this copy does not have come across keeping the moment
 * they were made and the hash of the answers they covered. One stands here only if this
 * copy's answers after the merge are exactly those; otherwise it comes in voided, with the
 * reason "covers answers that differ", so it is neither counted nor shown as a forgery.
 * Taking another reviewer's answer voids this copy's standing sign-offs as any change does.
 *
 * A checklist only in the other copy can be brought in whole: its questions, answers,
 * sign-offs and audit trail unchanged (its chain verifies as it did there), plus one entry
 * recording that it was brought in.
 *
 * A value comes with its history: the other copy's entries are brought across only for the
 * fields whose values are taken.
 *
 * Without a user to ask (the command line), tandem_merge_choose_by_history() decides each
 * field from the two trails: entries both copies share were made before the copies parted.
 */

struct _TandemMerge
{
  GObject          parent_instance;

  TandemDocument  *ours;
  TandemDocument  *theirs;
  GListStore      *entries;
  GPtrArray       *notes;  /* char*, NULL-terminated */
  guint            n_disagreements;
  char            *origin;
  /* "subject-id\x1ffield" -> GPtrArray of TandemAuditEntry, in trail order, for each copy */
  GHashTable      *our_changes;
  GHashTable      *their_changes;
  GHashTable      *our_ids;       /* ids of every audit entry of each copy */
  GHashTable      *their_ids;
  GPtrArray       *new_checklists;  /* the other copy's checklists that this copy lacks */
  GArray          *bring_in;        /* gboolean per new checklist */
  guint            n_new_signoffs;
};

G_DEFINE_FINAL_TYPE (TandemMerge, tandem_merge, G_TYPE_OBJECT)

G_DEFINE_QUARK (tandem-merge-error-quark, tandem_merge_error)

/* Auxiliary methods */

static void
add_note (TandemMerge *self,
          char        *note)
{
  /* Keep the array NULL-terminated for tandem_merge_get_notes(). */
  g_ptr_array_insert (self->notes, self->notes->len - 1, note);
}

static gboolean
item_is_blank (TandemChecklistItem *item)
{
  return tandem_checklist_item_get_status (item) == TANDEM_ITEM_STATUS_NOT_STARTED &&
         tandem_checklist_item_get_rag_override (item) == TANDEM_RAG_NONE &&
         tandem_checklist_item_get_evidence (item)[0] == '\0' &&
         tandem_checklist_item_get_owner (item)[0] == '\0' &&
         tandem_checklist_item_get_due_date (item)[0] == '\0' &&
         tandem_checklist_item_get_comments (item)[0] == '\0' &&
         tandem_checklist_item_get_action (item)[0] == '\0' &&
         tandem_checklist_item_get_ladder_rung (item) == TANDEM_LADDER_RUNG_NONE &&
         tandem_list_get_n (tandem_checklist_item_get_links (item)) == 0 &&
         tandem_list_get_n (tandem_checklist_item_get_attachments (item)) == 0;
}

static gboolean
decision_is_blank (TandemChecklist *checklist)
{
  return tandem_checklist_get_decision (checklist) == TANDEM_DECISION_UNDECIDED &&
         tandem_checklist_get_decision_conditions (checklist)[0] == '\0';
}

static void
add_entry (TandemMerge      *self,
           TandemMergeEntry *entry,
           GHashTable       *reviewers)
{
  TandemObject *theirs = tandem_merge_entry_get_theirs (entry);

  tandem_merge_entry_set_their_reviewer (entry, g_hash_table_lookup (reviewers,
                                                                     tandem_object_get_id (theirs)));
  if (!tandem_merge_entry_get_agrees (entry))
    self->n_disagreements++;

  g_list_store_append (self->entries, entry);
}

/* Who last changed each answer in the other copy, by the id of what changed. */
static GHashTable *
collect_reviewers (TandemChecklist *checklist)
{
  GHashTable *reviewers = g_hash_table_new (g_str_hash, g_str_equal);
  TandemList *audit = tandem_checklist_get_audit (checklist);

  for (guint i = 0; i < tandem_list_get_n (audit); i++)
    {
      TandemAuditEntry *entry = tandem_list_get (audit, i);

      g_hash_table_insert (reviewers, (gpointer)tandem_audit_entry_get_subject_id (entry),
                           (gpointer)tandem_audit_entry_get_who (entry));
    }

  return reviewers;
}

static void
compare_checklist (TandemMerge     *self,
                   TandemChecklist *ours,
                   TandemChecklist *theirs)
{
  g_autoptr(GHashTable) reviewers = collect_reviewers (theirs);
  TandemList *sections = tandem_checklist_get_sections (ours);
  guint unmatched = 0;

  {
    TandemList *signoffs = tandem_checklist_get_signoffs (theirs);

    for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
      {
        if (tandem_document_lookup (self->ours,
                                    tandem_object_get_id (tandem_list_get (signoffs, i))) == NULL)
          self->n_new_signoffs++;
      }
  }

  if (!decision_is_blank (ours) || !decision_is_blank (theirs))
    {
      g_autoptr(TandemMergeEntry) entry = tandem_merge_entry_new (TANDEM_OBJECT (ours),
                                                                  TANDEM_OBJECT (theirs));
      add_entry (self, entry, reviewers);
    }

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, i));

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        {
          TandemChecklistItem *item = tandem_list_get (items, j);
          TandemObject *other = tandem_document_lookup (self->theirs,
                                                        tandem_object_get_id (TANDEM_OBJECT (item)));
          g_autoptr(TandemMergeEntry) entry = NULL;

          if (!TANDEM_IS_CHECKLIST_ITEM (other) ||
              tandem_checklist_item_get_checklist (TANDEM_CHECKLIST_ITEM (other)) != theirs)
            {
              unmatched++;
              continue;
            }

          if (item_is_blank (item) && item_is_blank (TANDEM_CHECKLIST_ITEM (other)))
            continue;

          entry = tandem_merge_entry_new (TANDEM_OBJECT (item), other);
          add_entry (self, entry, reviewers);
        }
    }

  if (unmatched == 1)
    add_note (self, g_strdup_printf (_("One question of “%s” is not in the other copy, so it "
                                       "keeps your answer."),
                                     tandem_checklist_get_title (ours)));
  else if (unmatched > 1)
    add_note (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u question of “%s” is not in the other "
                                                  "copy, so it keeps your answer.",
                                                  "%u questions of “%s” are not in the other "
                                                  "copy, so they keep your answers.",
                                                  unmatched),
                                     unmatched, tandem_checklist_get_title (ours)));
}

/* Names the audit trail uses for the fields a merge entry compares. */
static const char *
audit_field (const char *field)
{
  if (g_str_equal (field, "links"))
    return "evidence_link";
  if (g_str_equal (field, "attachments"))
    return "attachment";

  return field;
}

static void
index_trails (TandemDocument *document,
              GHashTable     *changes,
              GHashTable     *ids)
{
  TandemList *checklists = tandem_document_get_checklists (document);

  for (guint i = 0; i < tandem_list_get_n (checklists); i++)
    {
      TandemList *audit = tandem_checklist_get_audit (tandem_list_get (checklists, i));

      for (guint j = 0; j < tandem_list_get_n (audit); j++)
        {
          TandemAuditEntry *entry = tandem_list_get (audit, j);
          char *key = _tandem_provenance_key (tandem_audit_entry_get_subject_id (entry),
                                              tandem_audit_entry_get_field (entry));
          GPtrArray *list = g_hash_table_lookup (changes, key);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (changes, key, list);
            }
          else
            g_free (key);

          g_ptr_array_add (list, entry);
          g_hash_table_add (ids, (gpointer)tandem_object_get_id (TANDEM_OBJECT (entry)));
        }
    }
}

static gboolean
same_questions (TandemChecklist *ours,
                TandemChecklist *theirs)
{
  return g_strcmp0 (tandem_checklist_get_template_id (ours),
                    tandem_checklist_get_template_id (theirs)) == 0 &&
         tandem_checklist_get_template_version (ours) ==
         tandem_checklist_get_template_version (theirs);
}

static void
compare_documents (TandemMerge *self)
{
  TandemList *ours = tandem_document_get_checklists (self->ours);
  TandemList *theirs = tandem_document_get_checklists (self->theirs);

  for (guint i = 0; i < tandem_list_get_n (ours); i++)
    {
      TandemChecklist *checklist = tandem_list_get (ours, i);
      TandemObject *other = tandem_document_lookup (self->theirs,
                                                    tandem_object_get_id (TANDEM_OBJECT (checklist)));

      if (!TANDEM_IS_CHECKLIST (other))
        {
          add_note (self, g_strdup_printf (_("“%s” is not in the other copy."),
                                           tandem_checklist_get_title (checklist)));
          continue;
        }

      if (!same_questions (checklist, TANDEM_CHECKLIST (other)))
        {
          /* The same id but other questions: matching answers by id would pair answers with
           * questions they were not given to. */
          add_note (self,
                    g_strdup_printf (_("“%s” was made from version %d of its template in the "
                                       "other copy and from version %d in yours. The questions "
                                       "may differ, so its answers are not merged. Ask the "
                                       "other reviewer to answer a checklist made from the "
                                       "same template version."),
                                     tandem_checklist_get_title (checklist),
                                     tandem_checklist_get_template_version (TANDEM_CHECKLIST (other)),
                                     tandem_checklist_get_template_version (checklist)));
          continue;
        }

      compare_checklist (self, checklist, TANDEM_CHECKLIST (other));
    }

  for (guint i = 0; i < tandem_list_get_n (theirs); i++)
    {
      TandemChecklist *checklist = tandem_list_get (theirs, i);

      gboolean yes = TRUE;

      if (tandem_document_lookup (self->ours, tandem_object_get_id (TANDEM_OBJECT (checklist))) != NULL)
        continue;

      g_ptr_array_add (self->new_checklists, checklist);
      g_array_append_val (self->bring_in, yes);
    }
}

/* Applying */

static gboolean
same_link (TandemEvidenceLink *a,
           TandemEvidenceLink *b)
{
  return g_strcmp0 (tandem_evidence_link_get_uri (a), tandem_evidence_link_get_uri (b)) == 0 &&
         g_strcmp0 (tandem_evidence_link_get_title (a), tandem_evidence_link_get_title (b)) == 0;
}

static gboolean
same_attachment (TandemAttachment *a,
                 TandemAttachment *b)
{
  return g_strcmp0 (tandem_attachment_get_name (a), tandem_attachment_get_name (b)) == 0 &&
         g_strcmp0 (tandem_attachment_get_blob (a), tandem_attachment_get_blob (b)) == 0;
}

typedef gboolean (*SameFunc) (gpointer a, gpointer b);

static int
find_same (TandemList *list,
           gpointer    object,
           SameFunc    same)
{
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      if (same (tandem_list_get (list, i), object))
        return i;
    }

  return -1;
}

/* Makes @ours hold what @theirs holds, keeping the objects both already have so that the
 * audit trail records only real additions and removals. */
static void
sync_list (TandemList *ours,
           TandemList *theirs,
           SameFunc    same)
{
  for (guint i = tandem_list_get_n (ours); i-- > 0;)
    {
      if (find_same (theirs, tandem_list_get (ours, i), same) < 0)
        tandem_list_remove (ours, i);
    }

  for (guint i = 0; i < tandem_list_get_n (theirs); i++)
    {
      TandemObject *object = tandem_list_get (theirs, i);

      if (find_same (ours, object, same) < 0)
        {
          g_autoptr(TandemObject) copy = tandem_object_copy (object, TANDEM_COPY_DEFAULT);

          tandem_list_append (ours, copy);
        }
    }
}

static void
copy_field (TandemObject *ours,
            TandemObject *theirs,
            const char   *field)
{
  if (TANDEM_IS_CHECKLIST_ITEM (ours) && g_str_equal (field, "links"))
    sync_list (tandem_checklist_item_get_links (TANDEM_CHECKLIST_ITEM (ours)),
               tandem_checklist_item_get_links (TANDEM_CHECKLIST_ITEM (theirs)),
               (SameFunc)same_link);
  else if (TANDEM_IS_CHECKLIST_ITEM (ours) && g_str_equal (field, "attachments"))
    sync_list (tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (ours)),
               tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (theirs)),
               (SameFunc)same_attachment);
  else
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (ours), field);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (theirs), pspec->name, &value);
      g_object_set_property (G_OBJECT (ours), pspec->name, &value);
    }
}

static void
add_attachments (GPtrArray  *attachments,
                 TandemList *list)
{
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    g_ptr_array_add (attachments, tandem_list_get (list, i));
}

/* The other copy's attachments that the choices bring in: those of the items whose
 * attachments are taken, and those of the checklists brought in whole. */
static GPtrArray *
collect_attachments (TandemMerge *self)
{
  GPtrArray *attachments = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      TandemObject *theirs = tandem_merge_entry_get_theirs (entry);

      if (TANDEM_IS_CHECKLIST_ITEM (theirs) &&
          tandem_merge_entry_get_take_field (entry, "attachments"))
        add_attachments (attachments,
                         tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (theirs)));
    }

  for (guint i = 0; i < self->new_checklists->len; i++)
    {
      TandemList *sections;

      if (!g_array_index (self->bring_in, gboolean, i))
        continue;

      sections = tandem_checklist_get_sections (g_ptr_array_index (self->new_checklists, i));
      for (guint j = 0; j < tandem_list_get_n (sections); j++)
        {
          TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, j));

          for (guint k = 0; k < tandem_list_get_n (items); k++)
            add_attachments (attachments,
                             tandem_checklist_item_get_attachments (tandem_list_get (items, k)));
        }
    }

  return attachments;
}

/* The engagement record of the other copy that this copy lacks: its groups, activities and
 * themes, matched by id. They are brought in (a merge must not lose what another copy
 * recorded); fields of objects both copies have are this copy's, as with checklists that
 * differ in their questions. */
static GPtrArray *
collect_new_engagement (TandemMerge *self)
{
  GPtrArray *objects = g_ptr_array_new ();
  TandemList *lists[] = {
    tandem_document_get_groups (self->theirs),
    tandem_document_get_activities (self->theirs),
    tandem_document_get_themes (self->theirs),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; i < tandem_list_get_n (lists[l]); i++)
        {
          TandemObject *object = tandem_list_get (lists[l], i);

          if (tandem_document_lookup (self->ours, tandem_object_get_id (object)) == NULL)
            g_ptr_array_add (objects, object);
        }
    }

  return objects;
}

/* The stored files of the other copy that the chosen answers bring in, read before anything
 * changes so that a file that cannot be read leaves the document as it was. */
static gboolean
read_blobs (TandemMerge          *self,
            TandemMergeBlobFunc   read_blob,
            gpointer              user_data,
            GHashTable           *blobs,
            GError              **error)
{
  g_autoptr(GPtrArray) attachments = collect_attachments (self);
  g_autoptr(GPtrArray) engagement = collect_new_engagement (self);

  /* The files of activities brought in. */
  for (guint j = 0; j < engagement->len; j++)
    {
      TandemList *files;

      if (!TANDEM_IS_ACTIVITY (g_ptr_array_index (engagement, j)))
        continue;

      files = tandem_activity_get_attachments (g_ptr_array_index (engagement, j));
      for (guint k = 0; k < tandem_list_get_n (files); k++)
        {
          TandemActivityFile *file = tandem_list_get (files, k);
          const char *hash = tandem_activity_file_get_blob (file);
          g_autoptr(GError) local_error = NULL;
          GBytes *bytes;

          if (hash[0] == '\0' || g_hash_table_contains (blobs, hash))
            continue;

          bytes = read_blob != NULL ? read_blob (self->theirs, hash, user_data, &local_error)
                                    : tandem_document_get_memory_blob (self->theirs, hash);
          if (read_blob == NULL && bytes != NULL)
            g_bytes_ref (bytes);

          if (bytes == NULL)
            {
              g_set_error (error, TANDEM_MERGE_ERROR, TANDEM_MERGE_ERROR_BLOB,
                           _("The attached file “%s” could not be read from the other copy, "
                             "so nothing was merged. %s"),
                           tandem_activity_file_get_name (file),
                           local_error != NULL ? local_error->message : "");
              return FALSE;
            }

          g_hash_table_insert (blobs, (gpointer)hash, bytes);
        }
    }

  for (guint j = 0; j < attachments->len; j++)
    {
      TandemAttachment *attachment = g_ptr_array_index (attachments, j);
      const char *hash = tandem_attachment_get_blob (attachment);
      g_autoptr(GError) local_error = NULL;
      GBytes *bytes;

      if (hash[0] == '\0' || g_hash_table_contains (blobs, hash))
        continue;

      bytes = read_blob != NULL ? read_blob (self->theirs, hash, user_data, &local_error)
                                : tandem_document_get_memory_blob (self->theirs, hash);
      if (read_blob == NULL && bytes != NULL)
        g_bytes_ref (bytes);

      if (bytes == NULL)
        {
          g_set_error (error, TANDEM_MERGE_ERROR, TANDEM_MERGE_ERROR_BLOB,
                       _("The attached file “%s” could not be read from the other copy, so "
                         "nothing was merged. %s"),
                       tandem_attachment_get_name (attachment),
                       local_error != NULL ? local_error->message : "");
          return FALSE;
        }

      g_hash_table_insert (blobs, (gpointer)hash, bytes);
    }

  return TRUE;
}

/* GObject */

static void
tandem_merge_finalize (GObject *object)
{
  TandemMerge *self = (TandemMerge *)object;

  g_clear_object (&self->ours);
  g_clear_object (&self->theirs);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->our_changes, g_hash_table_unref);
  g_clear_pointer (&self->their_changes, g_hash_table_unref);
  g_clear_pointer (&self->our_ids, g_hash_table_unref);
  g_clear_pointer (&self->their_ids, g_hash_table_unref);
  g_clear_pointer (&self->new_checklists, g_ptr_array_unref);
  g_clear_pointer (&self->bring_in, g_array_unref);

  G_OBJECT_CLASS (tandem_merge_parent_class)->finalize (object);
}

static void
tandem_merge_class_init (TandemMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_merge_finalize;
}

static void
tandem_merge_init (TandemMerge *self)
{
  self->entries = g_list_store_new (TANDEM_TYPE_MERGE_ENTRY);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
  self->origin = g_strdup ("merge");
  self->our_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_ptr_array_unref);
  self->their_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)g_ptr_array_unref);
  self->our_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->their_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->new_checklists = g_ptr_array_new ();
  self->bring_in = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

/* Public API */

/**
 * tandem_merge_new:
 * @ours: the document answers are merged into
 * @theirs: another copy of the same project, answered by another reviewer
 *
 * Compares the two copies. Fails with a sentence the user can act on when @theirs is not a
 * copy of the same project.
 *
 * Returns: (transfer full) (nullable): the comparison, every choice at "keep yours"
 */
TandemMerge *
tandem_merge_new (TandemDocument  *ours,
                  TandemDocument  *theirs,
                  GError         **error)
{
  g_autoptr(TandemMerge) self = NULL;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (theirs), NULL);

  if (ours == theirs)
    {
      g_set_error (error, TANDEM_MERGE_ERROR, TANDEM_MERGE_ERROR_SAME_DOCUMENT,
                   _("That is the document you are working on. Choose the copy another "
                     "reviewer answered."));
      return NULL;
    }

  if (g_strcmp0 (tandem_object_get_id (TANDEM_OBJECT (ours)),
                 tandem_object_get_id (TANDEM_OBJECT (theirs))) != 0)
    {
      g_set_error (error, TANDEM_MERGE_ERROR, TANDEM_MERGE_ERROR_DIFFERENT_PROJECT,
                   _("It is a different project (“%s”), not a copy of “%s”. Answers can only be "
                     "merged from copies of the same project file, because that is how Tandem "
                     "knows which question each answer belongs to."),
                   tandem_document_get_title (theirs), tandem_document_get_title (ours));
      return NULL;
    }

  self = g_object_new (TANDEM_TYPE_MERGE, NULL);
  self->ours = g_object_ref (ours);
  self->theirs = g_object_ref (theirs);
  index_trails (ours, self->our_changes, self->our_ids);
  index_trails (theirs, self->their_changes, self->their_ids);
  compare_documents (self);

  return g_steal_pointer (&self);
}

/**
 * tandem_merge_get_ours:
 *
 * Returns: (transfer none): the document answers are merged into
 */
TandemDocument *
tandem_merge_get_ours (TandemMerge *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);

  return self->ours;
}

/**
 * tandem_merge_get_theirs:
 *
 * Returns: (transfer none): the other reviewer's copy
 */
TandemDocument *
tandem_merge_get_theirs (TandemMerge *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);

  return self->theirs;
}

/**
 * tandem_merge_get_entries:
 *
 * Returns: (transfer none): a list of #TandemMergeEntry: every answer that either reviewer
 *   gave, in checklist order, each checklist's decision first
 */
GListModel *
tandem_merge_get_entries (TandemMerge *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

guint
tandem_merge_get_n_disagreements (TandemMerge *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), 0);

  return self->n_disagreements;
}

/**
 * tandem_merge_get_n_chosen:
 *
 * Returns: how many entries will take the other reviewer's answer
 */
guint
tandem_merge_get_n_chosen (TandemMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (TANDEM_IS_MERGE (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (tandem_merge_entry_get_take_theirs (entry))
        n++;
    }

  return n;
}

/**
 * tandem_merge_get_notes:
 *
 * Returns: (transfer none): sentences about what cannot be merged and why (checklists from
 *   another template version, checklists or questions only in one copy)
 */
const char *const *
tandem_merge_get_notes (TandemMerge *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);

  return (const char *const *)self->notes->pdata;
}

/**
 * tandem_merge_dup_blob_hashes:
 *
 * The stored files of the other copy that the chosen answers bring in, in the order
 * tandem_merge_apply() asks for them, so that they can be read beforehand off the main thread.
 *
 * Returns: (transfer full): their SHA-256 names, each once
 */
GStrv
tandem_merge_dup_blob_hashes (TandemMerge *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) attachments = NULL;

  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);

  attachments = collect_attachments (self);
  for (guint i = 0; i < attachments->len; i++)
    {
      const char *hash = tandem_attachment_get_blob (g_ptr_array_index (attachments, i));

      if (hash[0] != '\0' && g_hash_table_add (seen, (gpointer)hash))
        g_strv_builder_add (builder, hash);
    }

  return g_strv_builder_end (builder);
}

static gboolean
is_signoff_entry (TandemMerge      *self,
                  TandemAuditEntry *entry)
{
  const char *subject_id = tandem_audit_entry_get_subject_id (entry);
  const char *field = tandem_audit_entry_get_field (entry);

  return TANDEM_IS_SIGNOFF (tandem_document_lookup (self->theirs, subject_id)) ||
         TANDEM_IS_SIGNOFF (tandem_document_lookup (self->ours, subject_id)) ||
         g_str_equal (field, "signed") || g_str_equal (field, "voided-at") ||
         g_str_equal (field, "removed");
}

/* The other copy's history that this copy lacks, of the fields whose values are taken (a value
 * comes with its history; a field kept at this copy's value keeps this copy's history),
 * appended in its order and linked onto this copy's chain. Entries about sign-offs stay behind: whether a sign-off here stands is
 * recorded by this copy's own entries (a sign-off that comes across gets them as it comes),
 * and the other copy's voiding of a sign-off both share must not void it here. */
static void
import_history (TandemMerge     *self,
                TandemChecklist *ours,
                TandemChecklist *theirs,
                GHashTable      *taken)
{
  TandemList *audit = tandem_checklist_get_audit (ours);
  TandemList *their_audit = tandem_checklist_get_audit (theirs);
  guint first = tandem_list_get_n (audit);

  for (guint i = 0; i < tandem_list_get_n (their_audit); i++)
    {
      TandemAuditEntry *entry = tandem_list_get (their_audit, i);
      const char *origin = tandem_audit_entry_get_origin (entry);
      g_autoptr(TandemAuditEntry) copy = NULL;
      g_autofree char *new_origin = NULL;

      g_autofree char *key = _tandem_provenance_key (tandem_audit_entry_get_subject_id (entry),
                                                     tandem_audit_entry_get_field (entry));

      if (g_hash_table_contains (self->our_ids, tandem_object_get_id (TANDEM_OBJECT (entry))) ||
          !g_hash_table_contains (taken, key) || is_signoff_entry (self, entry))
        continue;

      /* Same id, so that merging the same copy again brings nothing twice. */
      copy = tandem_object_copy (TANDEM_OBJECT (entry), TANDEM_COPY_KEEP_IDS);
      new_origin = origin[0] == '\0' ? g_strdup (self->origin)
                                     : g_strdup_printf ("%s (%s)", self->origin, origin);
      tandem_audit_entry_set_origin (copy, new_origin);
      tandem_list_append (audit, copy);
    }

  if (tandem_list_get_n (audit) > first)
    _tandem_checklist_chain_from (ours, first);
}

static void
import_signoffs (TandemMerge     *self,
                 TandemChecklist *ours,
                 TandemChecklist *theirs,
                 GHashTable      *imported)
{
  TandemList *signoffs = tandem_checklist_get_signoffs (theirs);

  for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
    {
      TandemObject *signoff = tandem_list_get (signoffs, i);
      g_autoptr(TandemObject) copy = NULL;

      if (tandem_document_lookup (self->ours, tandem_object_get_id (signoff)) != NULL)
        continue;

      copy = tandem_object_copy (signoff, TANDEM_COPY_KEEP_IDS);
      g_hash_table_add (imported, copy);
      tandem_list_append (tandem_checklist_get_signoffs (ours), copy);
    }
}

static void
bring_in_checklist (TandemMerge     *self,
                    TandemChecklist *theirs)
{
  g_autoptr(TandemChecklist) copy = tandem_object_copy (TANDEM_OBJECT (theirs),
                                                        TANDEM_COPY_KEEP_IDS);
  g_autoptr(TandemAuditEntry) entry = tandem_audit_entry_new ();
  g_autofree char *now = tandem_document_now (self->ours);
  TandemList *audit = tandem_checklist_get_audit (copy);

  /* Its trail comes whole and verifies as it did there; one entry more says how it came. */
  tandem_audit_entry_set_timestamp (entry, now);
  tandem_audit_entry_set_who (entry, tandem_document_get_reviewer (self->ours));
  tandem_audit_entry_set_role (entry, tandem_document_get_reviewer_role (self->ours));
  tandem_audit_entry_set_origin (entry, self->origin);
  tandem_audit_entry_set_subject_id (entry, tandem_object_get_id (TANDEM_OBJECT (copy)));
  tandem_audit_entry_set_subject (entry, tandem_checklist_get_title (copy));
  tandem_audit_entry_set_field (entry, "brought-in");
  tandem_audit_entry_set_new_value (entry, self->origin);
  tandem_list_append (audit, entry);
  _tandem_checklist_chain_from (copy, tandem_list_get_n (audit) - 1);

  tandem_list_append (tandem_document_get_checklists (self->ours), copy);
}

/* For the audit entries the transaction makes: the other copy's last entry for each field. */
static GHashTable *
build_attribution (TandemMerge *self)
{
  GHashTable *attribution = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->their_changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;

      g_hash_table_insert (attribution, key, g_ptr_array_index (list, list->len - 1));
    }

  return attribution;
}

/**
 * tandem_merge_apply:
 * @undo_label: what the undo step is called
 * @read_blob: (nullable): reads the other copy's stored files; %NULL uses only the files
 *   the other document holds in memory
 *
 * Takes the other reviewer's value for every field the user chose, brings in the other
 * copy's history and sign-offs and the checklists chosen, as one transaction (one undo step).
 * See the top of this file for what the audit trail records.
 *
 * Returns: %TRUE on success; on failure the document is unchanged
 */
gboolean
tandem_merge_apply (TandemMerge          *self,
                    const char           *undo_label,
                    TandemMergeBlobFunc   read_blob,
                    gpointer              user_data,
                    GError              **error)
{
  g_autoptr(GHashTable) blobs = NULL;
  g_autoptr(GHashTable) attribution = NULL;
  g_autoptr(GHashTable) imported = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *void_reason = NULL;
  TandemProvenance provenance = { 0 };
  TandemList *checklists;
  guint n;

  g_return_val_if_fail (TANDEM_IS_MERGE (self), FALSE);
  g_return_val_if_fail (!tandem_document_in_transaction (self->ours), FALSE);

  blobs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_bytes_unref);
  if (!read_blobs (self, read_blob, user_data, blobs, error))
    return FALSE;

  /* The blobs go in first: a stored file that no field refers to is simply not saved. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, blobs);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_free (tandem_document_add_blob (self->ours, value));
  }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  tandem_document_begin (self->ours, undo_label);

  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const char *id = tandem_object_get_id (tandem_merge_entry_get_theirs (entry));

      for (guint j = 0; j < tandem_merge_entry_get_n_differences (entry); j++)
        {
          const char *field = tandem_merge_entry_get_difference (entry, j);

          if (tandem_merge_entry_get_take_field (entry, field))
            g_hash_table_add (taken, _tandem_provenance_key (id, audit_field (field)));
        }
    }

  /* History first, then the values it led to (their entries are made as the step closes). */
  checklists = tandem_document_get_checklists (self->ours);
  for (guint i = 0; i < tandem_list_get_n (checklists); i++)
    {
      TandemChecklist *ours = tandem_list_get (checklists, i);
      TandemObject *theirs = tandem_document_lookup (self->theirs,
                                                     tandem_object_get_id (TANDEM_OBJECT (ours)));

      if (TANDEM_IS_CHECKLIST (theirs) && same_questions (ours, TANDEM_CHECKLIST (theirs)))
        import_history (self, ours, TANDEM_CHECKLIST (theirs), taken);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      for (guint j = 0; j < tandem_merge_entry_get_n_differences (entry); j++)
        {
          const char *field = tandem_merge_entry_get_difference (entry, j);

          if (tandem_merge_entry_get_take_field (entry, field))
            copy_field (tandem_merge_entry_get_ours (entry), tandem_merge_entry_get_theirs (entry),
                        field);
        }
    }

  imported = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < tandem_list_get_n (checklists); i++)
    {
      TandemChecklist *ours = tandem_list_get (checklists, i);
      TandemObject *theirs = tandem_document_lookup (self->theirs,
                                                     tandem_object_get_id (TANDEM_OBJECT (ours)));

      if (TANDEM_IS_CHECKLIST (theirs) && same_questions (ours, TANDEM_CHECKLIST (theirs)))
        import_signoffs (self, ours, TANDEM_CHECKLIST (theirs), imported);
    }

  for (guint i = 0; i < self->new_checklists->len; i++)
    {
      if (g_array_index (self->bring_in, gboolean, i))
        bring_in_checklist (self, g_ptr_array_index (self->new_checklists, i));
    }

  /* The other copy's engagement record that this copy lacks, groups before what refers to
   * them; then links that point to what neither copy now has here (evidence taken from the
   * other copy that points to a journey step only it has, say) are dropped, so the file
   * never refers to what is not in it. */
  {
    g_autoptr(GPtrArray) engagement = collect_new_engagement (self);

    for (guint i = 0; i < engagement->len; i++)
      {
        TandemObject *theirs = g_ptr_array_index (engagement, i);
        g_autoptr(TandemObject) copy = tandem_object_copy (theirs, TANDEM_COPY_KEEP_IDS);
        TandemList *list = TANDEM_IS_GROUP (theirs) ? tandem_document_get_groups (self->ours)
                         : TANDEM_IS_ACTIVITY (theirs) ? tandem_document_get_activities (self->ours)
                         : tandem_document_get_themes (self->ours);

        tandem_list_append (list, copy);
      }

    tandem_engagement_drop_broken_links (self->ours);
  }

  attribution = build_attribution (self);
  /* TRANSLATORS: why a sign-off brought in from another copy does not stand; %s is where */
  void_reason = g_strdup_printf (_("Covers answers that differ from this copy’s (brought in by "
                                   "%s)"), self->origin);
  provenance.origin = self->origin;
  provenance.attribution = attribution;
  provenance.imported = imported;
  provenance.void_reason = void_reason;

  _tandem_document_set_provenance (self->ours, &provenance);
  tandem_document_commit (self->ours);
  _tandem_document_set_provenance (self->ours, NULL);

  return TRUE;
}

/**
 * tandem_merge_set_source_name:
 * @name: the other copy's file name, as the audit trail should name it
 *
 * Sets the origin of the audit entries the merge makes to "merge: @name".
 */
void
tandem_merge_set_source_name (TandemMerge *self,
                              const char  *name)
{
  g_return_if_fail (TANDEM_IS_MERGE (self));

  g_free (self->origin);
  self->origin = g_strdup_printf ("merge: %s", name);
}

guint
tandem_merge_get_n_new_checklists (TandemMerge *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), 0);

  return self->new_checklists->len;
}

/**
 * tandem_merge_get_new_checklist:
 *
 * Returns: (transfer none): the @i-th checklist found only in the other copy
 */
TandemChecklist *
tandem_merge_get_new_checklist (TandemMerge *self,
                                guint        i)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->new_checklists->len, NULL);

  return g_ptr_array_index (self->new_checklists, i);
}

gboolean
tandem_merge_get_bring_in (TandemMerge *self,
                           guint        i)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), FALSE);
  g_return_val_if_fail (i < self->bring_in->len, FALSE);

  return g_array_index (self->bring_in, gboolean, i);
}

/**
 * tandem_merge_set_bring_in:
 *
 * Whether the @i-th checklist found only in the other copy is brought in (at first, yes:
 * adding it overwrites nothing).
 */
void
tandem_merge_set_bring_in (TandemMerge *self,
                           guint        i,
                           gboolean     bring_in)
{
  g_return_if_fail (TANDEM_IS_MERGE (self));
  g_return_if_fail (i < self->bring_in->len);

  g_array_index (self->bring_in, gboolean, i) = !!bring_in;
}

/**
 * tandem_merge_get_n_new_signoffs:
 *
 * Returns: how many sign-offs of the other copy's matching checklists this copy lacks
 */
guint
tandem_merge_get_n_new_signoffs (TandemMerge *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE (self), 0);

  return self->n_new_signoffs;
}

static GPtrArray *
lookup_changes (TandemMerge      *self,
                TandemMergeEntry *entry,
                gboolean          theirs,
                const char       *field)
{
  TandemObject *object = theirs ? tandem_merge_entry_get_theirs (entry)
                                : tandem_merge_entry_get_ours (entry);
  g_autofree char *key = _tandem_provenance_key (tandem_object_get_id (object),
                                                 audit_field (field));

  return g_hash_table_lookup (theirs ? self->their_changes : self->our_changes, key);
}

/**
 * tandem_merge_get_last_change:
 * @theirs: which copy: %TRUE for the other one
 * @field: a field of tandem_merge_entry_get_difference()
 *
 * Returns: (transfer none) (nullable): that copy's last audit entry for @field, which says
 *   who changed it and when; %NULL when its trail does not record a change
 */
TandemAuditEntry *
tandem_merge_get_last_change (TandemMerge      *self,
                              TandemMergeEntry *entry,
                              gboolean          theirs,
                              const char       *field)
{
  GPtrArray *changes;

  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);

  changes = lookup_changes (self, entry, theirs, field);

  return changes != NULL ? g_ptr_array_index (changes, changes->len - 1) : NULL;
}

/**
 * tandem_merge_changed_since_parting:
 *
 * Returns: whether one copy changed @field after the copies parted: its trail has an entry
 *   for the field that the other copy's trail does not (entries of one file share ids)
 */
gboolean
tandem_merge_changed_since_parting (TandemMerge      *self,
                                    TandemMergeEntry *entry,
                                    gboolean          theirs,
                                    const char       *field)
{
  GHashTable *other_ids;
  GPtrArray *changes;

  g_return_val_if_fail (TANDEM_IS_MERGE (self), FALSE);

  changes = lookup_changes (self, entry, theirs, field);
  other_ids = theirs ? self->our_ids : self->their_ids;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      if (!g_hash_table_contains (other_ids, tandem_object_get_id (g_ptr_array_index (changes, i))))
        return TRUE;
    }

  return FALSE;
}

/**
 * tandem_merge_field_label:
 *
 * Returns: what the user calls @field ("Status", "Rating", ...)
 */
const char *
tandem_merge_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "status", N_("Status") },
    { "rag-override", N_("Rating") },
    { "rating-reason", N_("Reason for the rating") },
    { "evidence", N_("Evidence") },
    { "links", N_("Links") },
    { "attachments", N_("Attachments") },
    { "owner", N_("Owner") },
    { "due-date", N_("Due date") },
    { "comments", N_("Comments") },
    { "action", N_("Action") },
    { "ladder-rung", N_("Ladder rung") },
    { "decision", N_("Decision") },
    { "decision-conditions", N_("Conditions") },
    { "decision-reason", N_("Reason for the decision") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (labels[i].field, field))
        return _(labels[i].label);
    }

  return field;
}

/**
 * tandem_merge_describe_value:
 *
 * Returns: (transfer full): one copy's value of @field as plain text, for a list of conflicts
 */
char *
tandem_merge_describe_value (TandemMergeEntry *entry,
                             gboolean          theirs,
                             const char       *field)
{
  TandemObject *object = theirs ? tandem_merge_entry_get_theirs (entry)
                                : tandem_merge_entry_get_ours (entry);
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  if (TANDEM_IS_CHECKLIST_ITEM (object) && g_str_equal (field, "links"))
    {
      guint n = tandem_list_get_n (tandem_checklist_item_get_links (TANDEM_CHECKLIST_ITEM (object)));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n), n);
    }
  if (TANDEM_IS_CHECKLIST_ITEM (object) && g_str_equal (field, "attachments"))
    {
      guint n = tandem_list_get_n (tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (object)));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attachment", "%u attachments", n),
                              n);
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), field);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (object), field, &value);

  if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (&value));

      return g_strdup (enum_value ? enum_value->value_nick : "");
    }
  if (pspec->value_type == G_TYPE_STRING)
    return g_value_dup_string (&value) ?: g_strdup ("");

  return g_strdup_value_contents (&value);
}

/**
 * tandem_merge_choose_by_history:
 *
 * Chooses every field without asking, as the command line does: the other copy's value
 * where only the other copy changed the field since the copies parted; this copy's value
 * where only this copy changed it; and where both did, or the trails cannot tell (no entry
 * for the field in either, as in a copy older than the trail), this copy's value, reported
 * as a conflict. The other copy's value never silently replaces one this copy chose.
 *
 * Returns: (transfer full) (element-type TandemMergeConflict): the conflicts, in order
 */
GPtrArray *
tandem_merge_choose_by_history (TandemMerge *self)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      for (guint j = 0; j < tandem_merge_entry_get_n_differences (entry); j++)
        {
          const char *field = tandem_merge_entry_get_difference (entry, j);
          gboolean theirs = tandem_merge_changed_since_parting (self, entry, TRUE, field);
          gboolean ours = tandem_merge_changed_since_parting (self, entry, FALSE, field);

          tandem_merge_entry_set_take_field (entry, field, theirs && !ours);

          if (theirs != ours)
            continue;

          {
            TandemMergeConflict *conflict = g_new0 (TandemMergeConflict, 1);

            conflict->entry = entry;
            conflict->field = field;
            g_ptr_array_add (conflicts, conflict);
          }
        }
    }

  return conflicts;
}
