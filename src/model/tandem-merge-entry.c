/* tandem-merge-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-merge-entry"

#include "config.h"

#include <string.h>

#include "tandem-attachment.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist.h"
#include "tandem-evidence-link.h"
#include "tandem-merge-entry.h"

/*
 * One answer as two reviewers gave it: an item of a checklist (status, rating, evidence,
 * links, attachments, owner, due date, comments, action, rung), or a checklist's decision
 * and its conditions. Which fields differ is worked out once, when the entry is made; the
 * user's choice is the only thing that changes afterwards.
 */

struct _TandemMergeEntry
{
  GObject          parent_instance;

  TandemObject    *ours;
  TandemObject    *theirs;
  GPtrArray       *differences;  /* const char*: names of the fields that differ (static) */
  char            *their_reviewer;
  GHashTable      *taken;        /* const char* (static): the differing fields to take */
};

G_DEFINE_FINAL_TYPE (TandemMergeEntry, tandem_merge_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TAKE_THEIRS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static gboolean
links_equal (TandemList *a,
             TandemList *b)
{
  if (tandem_list_get_n (a) != tandem_list_get_n (b))
    return FALSE;

  for (guint i = 0; i < tandem_list_get_n (a); i++)
    {
      TandemEvidenceLink *x = tandem_list_get (a, i);
      TandemEvidenceLink *y = tandem_list_get (b, i);

      if (g_strcmp0 (tandem_evidence_link_get_uri (x), tandem_evidence_link_get_uri (y)) != 0 ||
          g_strcmp0 (tandem_evidence_link_get_title (x), tandem_evidence_link_get_title (y)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
attachments_equal (TandemList *a,
                   TandemList *b)
{
  if (tandem_list_get_n (a) != tandem_list_get_n (b))
    return FALSE;

  for (guint i = 0; i < tandem_list_get_n (a); i++)
    {
      TandemAttachment *x = tandem_list_get (a, i);
      TandemAttachment *y = tandem_list_get (b, i);

      if (g_strcmp0 (tandem_attachment_get_name (x), tandem_attachment_get_name (y)) != 0 ||
          g_strcmp0 (tandem_attachment_get_blob (x), tandem_attachment_get_blob (y)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
values_equal (TandemObject *a,
              TandemObject *b,
              GParamSpec   *pspec)
{
  g_auto(GValue) x = G_VALUE_INIT;
  g_auto(GValue) y = G_VALUE_INIT;

  g_value_init (&x, pspec->value_type);
  g_value_init (&y, pspec->value_type);
  g_object_get_property (G_OBJECT (a), pspec->name, &x);
  g_object_get_property (G_OBJECT (b), pspec->name, &y);

  return g_param_values_cmp (pspec, &x, &y) == 0;
}

static void
compare (TandemMergeEntry *self)
{
  GParamSpec **fields;
  guint n_fields;

  fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (self->ours), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = fields[i];
      gboolean answer;

      if (TANDEM_IS_CHECKLIST_ITEM (self->ours))
        answer = tandem_checklist_item_is_answer_field (pspec);
      else
        answer = tandem_checklist_is_answer_field (pspec);

      if (answer && !values_equal (self->ours, self->theirs, pspec))
        g_ptr_array_add (self->differences, (gpointer)pspec->name);
    }

  if (TANDEM_IS_CHECKLIST_ITEM (self->ours))
    {
      TandemChecklistItem *ours = TANDEM_CHECKLIST_ITEM (self->ours);
      TandemChecklistItem *theirs = TANDEM_CHECKLIST_ITEM (self->theirs);

      if (!links_equal (tandem_checklist_item_get_links (ours),
                        tandem_checklist_item_get_links (theirs)))
        g_ptr_array_add (self->differences, (gpointer)"links");

      if (!attachments_equal (tandem_checklist_item_get_attachments (ours),
                              tandem_checklist_item_get_attachments (theirs)))
        g_ptr_array_add (self->differences, (gpointer)"attachments");
    }
}

/* GObject */

static void
tandem_merge_entry_finalize (GObject *object)
{
  TandemMergeEntry *self = (TandemMergeEntry *)object;

  g_clear_object (&self->ours);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->differences, g_ptr_array_unref);
  g_clear_pointer (&self->their_reviewer, g_free);
  g_clear_pointer (&self->taken, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_merge_entry_parent_class)->finalize (object);
}

static void
tandem_merge_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TandemMergeEntry *self = TANDEM_MERGE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TAKE_THEIRS:
      g_value_set_boolean (value, tandem_merge_entry_get_take_theirs (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_merge_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TandemMergeEntry *self = TANDEM_MERGE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TAKE_THEIRS:
      tandem_merge_entry_set_take_theirs (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_merge_entry_class_init (TandemMergeEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_merge_entry_finalize;
  object_class->get_property = tandem_merge_entry_get_property;
  object_class->set_property = tandem_merge_entry_set_property;

  /**
   * TandemMergeEntry:take-theirs:
   *
   * Whether the other reviewer's answer replaces this one when the merge is applied. It
   * starts %FALSE: nothing is overwritten unless the user chooses so.
   */
  properties[PROP_TAKE_THEIRS] =
    g_param_spec_boolean ("take-theirs", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_merge_entry_init (TandemMergeEntry *self)
{
  self->differences = g_ptr_array_new ();
  self->taken = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Public API */

/**
 * tandem_merge_entry_new:
 * @ours: a #TandemChecklistItem, or a #TandemChecklist for its decision
 * @theirs: the same item (or checklist) in the other reviewer's copy
 *
 * Returns: (transfer full): a new entry, with its differences worked out
 */
TandemMergeEntry *
tandem_merge_entry_new (TandemObject *ours,
                        TandemObject *theirs)
{
  TandemMergeEntry *self;

  g_return_val_if_fail (TANDEM_IS_CHECKLIST_ITEM (ours) || TANDEM_IS_CHECKLIST (ours), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (ours) == G_OBJECT_TYPE (theirs), NULL);

  self = g_object_new (TANDEM_TYPE_MERGE_ENTRY, NULL);
  self->ours = g_object_ref (ours);
  self->theirs = g_object_ref (theirs);
  compare (self);

  return self;
}

/**
 * tandem_merge_entry_get_ours:
 *
 * Returns: (transfer none): the item (or checklist) in the document being merged into
 */
TandemObject *
tandem_merge_entry_get_ours (TandemMergeEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), NULL);

  return self->ours;
}

/**
 * tandem_merge_entry_get_theirs:
 *
 * Returns: (transfer none): the same item (or checklist) in the other reviewer's copy
 */
TandemObject *
tandem_merge_entry_get_theirs (TandemMergeEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), NULL);

  return self->theirs;
}

/**
 * tandem_merge_entry_get_checklist:
 *
 * Returns: (transfer none) (nullable): our checklist the entry belongs to
 */
TandemChecklist *
tandem_merge_entry_get_checklist (TandemMergeEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), NULL);

  if (TANDEM_IS_CHECKLIST (self->ours))
    return TANDEM_CHECKLIST (self->ours);

  return tandem_checklist_item_get_checklist (TANDEM_CHECKLIST_ITEM (self->ours));
}

gboolean
tandem_merge_entry_is_decision (TandemMergeEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), FALSE);

  return TANDEM_IS_CHECKLIST (self->ours);
}

/**
 * tandem_merge_entry_get_agrees:
 *
 * Returns: %TRUE when both reviewers gave the same answer in every field
 */
gboolean
tandem_merge_entry_get_agrees (TandemMergeEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), FALSE);

  return self->differences->len == 0;
}

/**
 * tandem_merge_entry_differs_in:
 * @field: a field name such as "status", "evidence", "links" or "decision"
 *
 * Returns: whether the two answers differ in @field
 */
gboolean
tandem_merge_entry_differs_in (TandemMergeEntry *self,
                               const char       *field)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), FALSE);

  for (guint i = 0; i < self->differences->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->differences, i), field))
        return TRUE;
    }

  return FALSE;
}

/**
 * tandem_merge_entry_get_their_reviewer:
 *
 * Returns: (nullable): who last changed the answer in the other copy, from its audit trail
 */
const char *
tandem_merge_entry_get_their_reviewer (TandemMergeEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), NULL);

  return self->their_reviewer;
}

void
tandem_merge_entry_set_their_reviewer (TandemMergeEntry *self,
                                       const char       *name)
{
  g_return_if_fail (TANDEM_IS_MERGE_ENTRY (self));

  g_free (self->their_reviewer);
  self->their_reviewer = (name != NULL && name[0] != '\0') ? g_strdup (name) : NULL;
}

/**
 * tandem_merge_entry_get_take_theirs:
 *
 * Returns: whether the other reviewer's value is taken for at least one field
 */
gboolean
tandem_merge_entry_get_take_theirs (TandemMergeEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), FALSE);

  return g_hash_table_size (self->taken) > 0;
}

/**
 * tandem_merge_entry_set_take_theirs:
 *
 * Takes the other reviewer's value for every field that differs, or for none.
 */
void
tandem_merge_entry_set_take_theirs (TandemMergeEntry *self,
                                    gboolean          take_theirs)
{
  guint before;

  g_return_if_fail (TANDEM_IS_MERGE_ENTRY (self));

  before = g_hash_table_size (self->taken);
  g_hash_table_remove_all (self->taken);
  if (take_theirs)
    {
      for (guint i = 0; i < self->differences->len; i++)
        g_hash_table_add (self->taken, g_ptr_array_index (self->differences, i));
    }

  /* All or none: the set changed exactly when its size did. */
  if (before != g_hash_table_size (self->taken))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAKE_THEIRS]);
}

/**
 * tandem_merge_entry_get_n_differences:
 *
 * Returns: how many fields differ
 */
guint
tandem_merge_entry_get_n_differences (TandemMergeEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), 0);

  return self->differences->len;
}

/**
 * tandem_merge_entry_get_difference:
 *
 * Returns: the name of the @i-th field that differs ("status", "evidence", "links", ...)
 */
const char *
tandem_merge_entry_get_difference (TandemMergeEntry *self,
                                   guint             i)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), NULL);
  g_return_val_if_fail (i < self->differences->len, NULL);

  return g_ptr_array_index (self->differences, i);
}

/**
 * tandem_merge_entry_get_take_field:
 *
 * Returns: whether the other reviewer's value of @field is taken
 */
gboolean
tandem_merge_entry_get_take_field (TandemMergeEntry *self,
                                   const char       *field)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_ENTRY (self), FALSE);

  return g_hash_table_contains (self->taken, field);
}

/**
 * tandem_merge_entry_set_take_field:
 *
 * Chooses one field: the other reviewer's value of @field, or this copy's. A field that does
 * not differ cannot be chosen (there is nothing to take).
 */
void
tandem_merge_entry_set_take_field (TandemMergeEntry *self,
                                   const char       *field,
                                   gboolean          take_theirs)
{
  g_return_if_fail (TANDEM_IS_MERGE_ENTRY (self));

  for (guint i = 0; i < self->differences->len; i++)
    {
      const char *name = g_ptr_array_index (self->differences, i);

      if (!g_str_equal (name, field))
        continue;

      if (take_theirs == g_hash_table_contains (self->taken, name))
        return;

      if (take_theirs)
        g_hash_table_add (self->taken, (gpointer)name);
      else
        g_hash_table_remove (self->taken, name);

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAKE_THEIRS]);
      return;
    }
}
