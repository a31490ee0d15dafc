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
#include "tandem-checklist-section.h"
#include "tandem-checklist.h"
#include "tandem-copy.h"
#include "tandem-evidence-link.h"
#include "tandem-merge.h"

/*
 * Board members often answer the same checklist in their own copies of the project file.
 * TandemMerge compares another copy with this document: it matches checklists and items by
 * id (copies of one file share them), makes a TandemMergeEntry for every answer either
 * reviewer gave, and applies the answers the user chose as one undoable transaction.
 *
 * Only answers move. Questions, sign-offs and audit trails stay as they are in each copy: a
 * sign-off vouches for the answers of the copy it was made in, and taking another reviewer's
 * answer voids this copy's sign-offs like any other change of an answer.
 */

struct _TandemMerge
{
  GObject          parent_instance;

  TandemDocument  *ours;
  TandemDocument  *theirs;
  GListStore      *entries;
  GPtrArray       *notes;  /* char*, NULL-terminated */
  guint            n_disagreements;
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

      if (g_strcmp0 (tandem_checklist_get_template_id (checklist),
                     tandem_checklist_get_template_id (TANDEM_CHECKLIST (other))) != 0 ||
          tandem_checklist_get_template_version (checklist) !=
          tandem_checklist_get_template_version (TANDEM_CHECKLIST (other)))
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

      if (!TANDEM_IS_CHECKLIST (tandem_document_lookup (self->ours,
                                                        tandem_object_get_id (TANDEM_OBJECT (checklist)))))
        add_note (self, g_strdup_printf (_("The other copy has a checklist that is not in "
                                           "yours, “%s”. Only answers are merged, so it is "
                                           "left out."),
                                         tandem_checklist_get_title (checklist)));
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
copy_answer_fields (TandemObject *ours,
                    TandemObject *theirs)
{
  GParamSpec **fields;
  guint n_fields;

  fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (ours), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = fields[i];
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean answer;

      if (TANDEM_IS_CHECKLIST_ITEM (ours))
        answer = tandem_checklist_item_is_answer_field (pspec);
      else
        answer = tandem_checklist_is_answer_field (pspec);

      if (!answer)
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (theirs), pspec->name, &value);
      g_object_set_property (G_OBJECT (ours), pspec->name, &value);
    }
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
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      TandemObject *theirs = tandem_merge_entry_get_theirs (entry);
      TandemList *attachments;

      if (!tandem_merge_entry_get_take_theirs (entry) || !TANDEM_IS_CHECKLIST_ITEM (theirs))
        continue;

      attachments = tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (theirs));
      for (guint j = 0; j < tandem_list_get_n (attachments); j++)
        {
          TandemAttachment *attachment = tandem_list_get (attachments, j);
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

  g_return_val_if_fail (TANDEM_IS_MERGE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      TandemObject *theirs = tandem_merge_entry_get_theirs (entry);
      TandemList *attachments;

      if (!tandem_merge_entry_get_take_theirs (entry) || !TANDEM_IS_CHECKLIST_ITEM (theirs))
        continue;

      attachments = tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (theirs));
      for (guint j = 0; j < tandem_list_get_n (attachments); j++)
        {
          const char *hash = tandem_attachment_get_blob (tandem_list_get (attachments, j));

          if (hash[0] != '\0' && g_hash_table_add (seen, (gpointer)hash))
            g_strv_builder_add (builder, hash);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * tandem_merge_apply:
 * @undo_label: what the undo step is called
 * @read_blob: (nullable): reads the other copy's stored files; %NULL uses only the files
 *   the other document holds in memory
 *
 * Takes the other reviewer's answer for every entry where the user chose it, as one
 * transaction (one undo step). Entries left at "keep yours" change nothing.
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

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      TandemObject *ours = tandem_merge_entry_get_ours (entry);
      TandemObject *theirs = tandem_merge_entry_get_theirs (entry);

      if (!tandem_merge_entry_get_take_theirs (entry))
        continue;

      copy_answer_fields (ours, theirs);

      if (TANDEM_IS_CHECKLIST_ITEM (ours))
        {
          sync_list (tandem_checklist_item_get_links (TANDEM_CHECKLIST_ITEM (ours)),
                     tandem_checklist_item_get_links (TANDEM_CHECKLIST_ITEM (theirs)),
                     (SameFunc)same_link);
          sync_list (tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (ours)),
                     tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (theirs)),
                     (SameFunc)same_attachment);
        }
    }

  tandem_document_commit (self->ours);

  return TRUE;
}
