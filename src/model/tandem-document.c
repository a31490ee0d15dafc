/* tandem-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tandem-checklist-private.h"
#include "tandem-condition.h"
#include "tandem-journey.h"
#include "tandem-activity.h"
#include "tandem-group.h"
#include "tandem-theme.h"
#include "tandem-engagement.h"
#include "tandem-document-private.h"
#include "tandem-enums.h"
#include "tandem-list-private.h"
#include "tandem-object-private.h"

/*
 * TandemDocument is the root of the model: the project's own fields, its collections, an
 * index of every object by id, and the transactions that make undo generic.
 *
 * Every change happens between tandem_document_begin() and tandem_document_commit(). The
 * setters of model objects and the list operations report each change here (old and new
 * values, or the inserted or removed child and its position), so undo replays the records
 * backwards and redo forwards; no feature writes its own undo command. A transaction opened
 * with tandem_document_begin_merge() is folded into the previous one when that one had the
 * same merge key, which is how typing into one field becomes one undo step.
 *
 * "Modified" is not a flag set by setters: each committed transaction gets a fresh serial
 * number, the state of the document is the serial at the top of the undo stack, and the
 * document is modified when that differs from the state last saved.
 */

struct _TandemTransaction
{
  char    *label;
  char    *merge_key;
  guint64  serial;
  GArray  *changes;  /* TandemChange */
};

struct _TandemDocument
{
  TandemObject         parent_instance;

  char                *title;
  char                *organisation;
  char                *programme;
  char                *version;
  char                *summary;
  TandemProjectStatus  status;
  gboolean             fictional;
  char                *meeting;
  char                *meeting_date;
  char                *agenda_item;
  char                *report_author;
  char                *executive_sponsor;
  TandemPaperPurpose   paper_purpose;
  char                *classification;
  TandemList          *conditions;
  TandemList          *checklists;
  TandemList          *journeys;
  TandemList          *groups;
  TandemList          *activities;
  TandemList          *themes;

  GHashTable          *index;   /* id -> TandemObject, not owned */
  GHashTable          *blobs;   /* SHA-256 -> GBytes added since the file was read */
  char                *blob_source;
  char                *reviewer;
  char                *reviewer_role;
  char                *fixed_time;

  GPtrArray           *undo_stack;  /* TandemTransaction, oldest first */
  GPtrArray           *redo_stack;  /* TandemTransaction, next redo last */
  TandemTransaction   *current;
  guint                depth;
  guint64              next_serial;
  guint64              saved_state;
  guint                loading;
  guint                replaying : 1;
  guint                merge_broken : 1;
};

G_DEFINE_FINAL_TYPE (TandemDocument, tandem_document, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_PROGRAMME,
  PROP_VERSION,
  PROP_SUMMARY,
  PROP_STATUS,
  PROP_FICTIONAL,
  PROP_MEETING,
  PROP_MEETING_DATE,
  PROP_AGENDA_ITEM,
  PROP_REPORT_AUTHOR,
  PROP_EXECUTIVE_SPONSOR,
  PROP_PAPER_PURPOSE,
  PROP_CLASSIFICATION,
  PROP_CONDITIONS,
  PROP_CHECKLISTS,
  PROP_JOURNEYS,
  PROP_GROUPS,
  PROP_ACTIVITIES,
  PROP_THEMES,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  BEFORE_COMMIT,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Transactions */

static void
change_clear (gpointer data)
{
  TandemChange *change = data;

  /* A change to the document's own fields holds no reference to it (see
   * _tandem_document_record_property()). */
  if (change->object != NULL && TANDEM_IS_DOCUMENT (change->object))
    change->object = NULL;
  else
    g_clear_object (&change->object);
  g_clear_object (&change->list);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
  if (G_IS_VALUE (&change->new_value))
    g_value_unset (&change->new_value);
}

static TandemTransaction *
transaction_new (const char *label,
                 const char *merge_key)
{
  TandemTransaction *transaction = g_new0 (TandemTransaction, 1);

  transaction->label = g_strdup (label);
  transaction->merge_key = g_strdup (merge_key);
  transaction->changes = g_array_new (FALSE, TRUE, sizeof (TandemChange));
  g_array_set_clear_func (transaction->changes, change_clear);

  return transaction;
}

static void
transaction_free (gpointer data)
{
  TandemTransaction *transaction = data;

  g_free (transaction->label);
  g_free (transaction->merge_key);
  g_array_unref (transaction->changes);
  g_free (transaction);
}

static void
transaction_apply (TandemDocument    *self,
                   TandemTransaction *transaction,
                   gboolean           backwards,
                   gboolean           history)
{
  guint n = transaction->changes->len;

  self->replaying = TRUE;

  for (guint k = 0; k < n; k++)
    {
      guint i = backwards ? n - 1 - k : k;
      TandemChange *change = &g_array_index (transaction->changes, TandemChange, i);
      gboolean insert = change->kind == TANDEM_CHANGE_INSERT;

      /* Undo and redo never take entries out of an audit trail (it only grows); they add
       * entries saying what they did, below. */
      if (history && _tandem_checklist_is_append_only_change (change))
        continue;

      switch (change->kind)
        {
        case TANDEM_CHANGE_PROPERTY:
          g_object_set_property (G_OBJECT (change->object), change->pspec->name,
                                 backwards ? &change->old_value : &change->new_value);
          break;

        case TANDEM_CHANGE_INSERT:
        case TANDEM_CHANGE_REMOVE:
          if (insert == backwards)
            {
              /* Undoing an insert, or redoing a remove: take it out again. */
              if (tandem_list_get (change->list, change->position) != (gpointer)change->object)
                g_critical ("Undo history does not match the list it changed");
              else
                _tandem_list_remove_unrecorded (change->list, change->position);
            }
          else
            {
              _tandem_list_insert_unrecorded (change->list, change->position, change->object);
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (history)
    _tandem_checklist_after_replay (self, transaction, backwards);

  self->replaying = FALSE;
}

/* Auxiliary methods */

static guint64
current_state (TandemDocument *self)
{
  if (self->undo_stack->len == 0)
    return 0;

  return ((TandemTransaction *)g_ptr_array_index (self->undo_stack,
                                                  self->undo_stack->len - 1))->serial;
}

typedef struct
{
  gboolean    modified;
  gboolean    can_undo;
  gboolean    can_redo;
  const char *undo_label;
  const char *redo_label;
} HistoryState;

static void
history_state_get (TandemDocument *self,
                   HistoryState   *state)
{
  state->modified = tandem_document_get_modified (self);
  state->can_undo = tandem_document_can_undo (self);
  state->can_redo = tandem_document_can_redo (self);
  state->undo_label = tandem_document_get_undo_label (self);
  state->redo_label = tandem_document_get_redo_label (self);
}

static void
history_state_notify (TandemDocument     *self,
                      const HistoryState *before)
{
  HistoryState after;

  history_state_get (self, &after);

  if (before->modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->undo_label != after.undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_label != after.redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static TandemTransaction *
merge_target (TandemDocument    *self,
              TandemTransaction *transaction)
{
  TandemTransaction *top;

  if (transaction == NULL || transaction->merge_key == NULL || self->merge_broken ||
      self->undo_stack->len == 0)
    return NULL;

  top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  if (g_strcmp0 (top->merge_key, transaction->merge_key) != 0 || top->serial == self->saved_state)
    return NULL;

  return top;
}

static gboolean
try_merge (TandemDocument    *self,
           TandemTransaction *transaction)
{
  TandemTransaction *top = merge_target (self, transaction);

  if (top == NULL)
    return FALSE;

  for (guint i = 0; i < transaction->changes->len; i++)
    {
      TandemChange *change = &g_array_index (transaction->changes, TandemChange, i);
      gboolean folded = FALSE;

      if (change->kind == TANDEM_CHANGE_PROPERTY)
        {
          for (guint j = 0; j < top->changes->len; j++)
            {
              TandemChange *earlier = &g_array_index (top->changes, TandemChange, j);

              if (earlier->kind == TANDEM_CHANGE_PROPERTY &&
                  earlier->object == change->object && earlier->pspec == change->pspec)
                {
                  g_value_copy (&change->new_value, &earlier->new_value);
                  folded = TRUE;
                  break;
                }
            }
        }

      if (!folded)
        {
          TandemChange copy = *change;

          /* The change moves to the earlier transaction: take its references with it. */
          memset (change, 0, sizeof *change);
          change->kind = copy.kind;
          g_array_append_val (top->changes, copy);
        }
    }

  top->serial = ++self->next_serial;

  return TRUE;
}

static TandemChange *
append_change (TandemDocument *self)
{
  g_array_set_size (self->current->changes, self->current->changes->len + 1);
  return &g_array_index (self->current->changes, TandemChange,
                         self->current->changes->len - 1);
}

static gboolean
check_recording (TandemDocument *self)
{
  if (self->loading > 0 || self->replaying)
    return FALSE;

  if (self->current == NULL)
    {
      g_critical ("A change to the document was made outside a transaction; "
                  "wrap it in tandem_document_begin() and tandem_document_commit()");
      return FALSE;
    }

  return TRUE;
}

static void
clear_history_documents (GPtrArray *stack)
{
  for (guint i = 0; i < stack->len; i++)
    {
      TandemTransaction *transaction = g_ptr_array_index (stack, i);

      for (guint j = 0; j < transaction->changes->len; j++)
        {
          TandemChange *change = &g_array_index (transaction->changes, TandemChange, j);

          if (change->kind != TANDEM_CHANGE_PROPERTY && change->object != NULL)
            _tandem_object_set_document (change->object, NULL);
        }
    }
}

/* GObject */

static void
tandem_document_dispose (GObject *object)
{
  TandemDocument *self = (TandemDocument *)object;

  if (self->current != NULL)
    {
      g_critical ("Document disposed with a transaction still open");
      g_clear_pointer (&self->current, transaction_free);
    }

  /* Objects that other code still holds must not point to us once we are gone: those in
   * the tree and those that only the undo history holds (removed objects). */
  clear_history_documents (self->undo_stack);
  clear_history_documents (self->redo_stack);
  _tandem_object_set_document (TANDEM_OBJECT (self), NULL);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);

  G_OBJECT_CLASS (tandem_document_parent_class)->dispose (object);
}

static void
tandem_document_finalize (GObject *object)
{
  TandemDocument *self = (TandemDocument *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->programme, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->meeting, g_free);
  g_clear_pointer (&self->meeting_date, g_free);
  g_clear_pointer (&self->agenda_item, g_free);
  g_clear_pointer (&self->report_author, g_free);
  g_clear_pointer (&self->executive_sponsor, g_free);
  g_clear_pointer (&self->classification, g_free);
  g_clear_object (&self->conditions);
  g_clear_object (&self->checklists);
  g_clear_object (&self->journeys);
  g_clear_object (&self->groups);
  g_clear_object (&self->activities);
  g_clear_object (&self->themes);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->blobs, g_hash_table_unref);
  g_clear_pointer (&self->blob_source, g_free);
  g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->reviewer_role, g_free);
  g_clear_pointer (&self->fixed_time, g_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_document_parent_class)->finalize (object);
}

static void
tandem_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemDocument *self = TANDEM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, tandem_document_get_title (self));
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, tandem_document_get_organisation (self));
      break;

    case PROP_PROGRAMME:
      g_value_set_string (value, tandem_document_get_programme (self));
      break;

    case PROP_VERSION:
      g_value_set_string (value, tandem_document_get_version (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, tandem_document_get_summary (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_FICTIONAL:
      g_value_set_boolean (value, self->fictional);
      break;

    case PROP_MEETING:
      g_value_set_string (value, tandem_document_get_meeting (self));
      break;

    case PROP_MEETING_DATE:
      g_value_set_string (value, tandem_document_get_meeting_date (self));
      break;

    case PROP_AGENDA_ITEM:
      g_value_set_string (value, tandem_document_get_agenda_item (self));
      break;

    case PROP_REPORT_AUTHOR:
      g_value_set_string (value, tandem_document_get_report_author (self));
      break;

    case PROP_EXECUTIVE_SPONSOR:
      g_value_set_string (value, tandem_document_get_executive_sponsor (self));
      break;

    case PROP_CLASSIFICATION:
      g_value_set_string (value, tandem_document_get_classification (self));
      break;

    case PROP_PAPER_PURPOSE:
      g_value_set_enum (value, self->paper_purpose);
      break;

    case PROP_CONDITIONS:
      g_value_set_object (value, self->conditions);
      break;

    case PROP_CHECKLISTS:
      g_value_set_object (value, self->checklists);
      break;

    case PROP_JOURNEYS:
      g_value_set_object (value, self->journeys);
      break;

    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;

    case PROP_ACTIVITIES:
      g_value_set_object (value, self->activities);
      break;

    case PROP_THEMES:
      g_value_set_object (value, self->themes);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, tandem_document_get_modified (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tandem_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, tandem_document_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, tandem_document_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, tandem_document_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TandemDocument *self = TANDEM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      tandem_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      tandem_document_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_PROGRAMME:
      tandem_document_set_programme (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      tandem_document_set_version (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      tandem_document_set_summary (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      tandem_document_set_status (self, g_value_get_enum (value));
      break;

    case PROP_FICTIONAL:
      tandem_document_set_fictional (self, g_value_get_boolean (value));
      break;

    case PROP_MEETING:
      tandem_document_set_meeting (self, g_value_get_string (value));
      break;

    case PROP_MEETING_DATE:
      tandem_document_set_meeting_date (self, g_value_get_string (value));
      break;

    case PROP_AGENDA_ITEM:
      tandem_document_set_agenda_item (self, g_value_get_string (value));
      break;

    case PROP_REPORT_AUTHOR:
      tandem_document_set_report_author (self, g_value_get_string (value));
      break;

    case PROP_EXECUTIVE_SPONSOR:
      tandem_document_set_executive_sponsor (self, g_value_get_string (value));
      break;

    case PROP_CLASSIFICATION:
      tandem_document_set_classification (self, g_value_get_string (value));
      break;

    case PROP_PAPER_PURPOSE:
      tandem_document_set_paper_purpose (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_document_constructed (GObject *object)
{
  TandemDocument *self = (TandemDocument *)object;

  G_OBJECT_CLASS (tandem_document_parent_class)->constructed (object);

  /* The id is known now; the document is its own root. */
  _tandem_object_set_document (TANDEM_OBJECT (self), self);
  _tandem_document_index_add (self, TANDEM_OBJECT (self));
}

/* Whole-document rules, checked once when a document is read. */
static gboolean
tandem_document_validate (TandemObject  *object,
                          GError       **error)
{
  TandemDocument *self = TANDEM_DOCUMENT (object);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < tandem_list_get_n (self->conditions); i++)
    {
      const char *key = tandem_condition_get_key (tandem_list_get (self->conditions, i));

      if (!g_hash_table_add (keys, (gpointer)key))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The condition “%s” appears more than once."), key);
          return FALSE;
        }
    }

  return TRUE;
}

static void
tandem_document_class_init (TandemDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  object_class->constructed = tandem_document_constructed;
  object_class->dispose = tandem_document_dispose;
  object_class->finalize = tandem_document_finalize;
  object_class->get_property = tandem_document_get_property;
  object_class->set_property = tandem_document_set_property;

  tandem_class->validate = tandem_document_validate;
  tandem_object_class_set_kind (tandem_class, "project");

#define TEXT_FIELD(name, kind) \
  tandem_param_field (g_param_spec_string (name, NULL, NULL, NULL, \
                                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | \
                                            G_PARAM_STATIC_STRINGS)), kind)

  properties[PROP_TITLE] = TEXT_FIELD ("title", TANDEM_FIELD_TEXT);
  properties[PROP_ORGANISATION] = TEXT_FIELD ("organisation", TANDEM_FIELD_TEXT);
  properties[PROP_PROGRAMME] = TEXT_FIELD ("programme", TANDEM_FIELD_TEXT);
  properties[PROP_VERSION] = TEXT_FIELD ("version", TANDEM_FIELD_TEXT);
  properties[PROP_SUMMARY] = TEXT_FIELD ("summary", TANDEM_FIELD_LONG_TEXT);

  /* What an NHS board paper carries on its cover (see help/C/appendix.page); empty ones are
   * left off the cover of the appendix. */
  properties[PROP_MEETING] = TEXT_FIELD ("meeting", TANDEM_FIELD_TEXT);
  properties[PROP_MEETING_DATE] = TEXT_FIELD ("meeting-date", TANDEM_FIELD_DATE);
  properties[PROP_AGENDA_ITEM] = TEXT_FIELD ("agenda-item", TANDEM_FIELD_TEXT);
  properties[PROP_REPORT_AUTHOR] = TEXT_FIELD ("report-author", TANDEM_FIELD_TEXT);
  properties[PROP_EXECUTIVE_SPONSOR] = TEXT_FIELD ("executive-sponsor", TANDEM_FIELD_TEXT);
  properties[PROP_CLASSIFICATION] = TEXT_FIELD ("classification", TANDEM_FIELD_TEXT);
  properties[PROP_PAPER_PURPOSE] =
    tandem_param_field (g_param_spec_enum ("paper-purpose", NULL, NULL,
                                           TANDEM_TYPE_PAPER_PURPOSE,
                                           TANDEM_PAPER_PURPOSE_NONE,
                                           (G_PARAM_READWRITE |
                                            G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS)),
                        TANDEM_FIELD_VALUE);

#undef TEXT_FIELD

  properties[PROP_STATUS] =
    tandem_param_field (g_param_spec_enum ("status", NULL, NULL,
                                           TANDEM_TYPE_PROJECT_STATUS,
                                           TANDEM_PROJECT_STATUS_DRAFT,
                                           (G_PARAM_READWRITE |
                                            G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS)),
                        TANDEM_FIELD_VALUE);

  /**
   * TandemDocument:fictional:
   *
   * Whether the project is made-up demonstration data; the appendix says so on its cover.
   */
  properties[PROP_FICTIONAL] =
    tandem_param_field (g_param_spec_boolean ("fictional", NULL, NULL,
                                              FALSE,
                                              (G_PARAM_READWRITE |
                                               G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS)),
                        TANDEM_FIELD_VALUE);

  properties[PROP_CONDITIONS] =
    tandem_param_children ("conditions", NULL, TANDEM_TYPE_CONDITION);

  properties[PROP_CHECKLISTS] =
    tandem_param_children ("checklists", NULL, TANDEM_TYPE_CHECKLIST);

  properties[PROP_JOURNEYS] =
    tandem_param_children ("journeys", NULL, TANDEM_TYPE_JOURNEY);

  properties[PROP_GROUPS] =
    tandem_param_children ("groups", NULL, TANDEM_TYPE_GROUP);

  properties[PROP_ACTIVITIES] =
    tandem_param_children ("activities", NULL, TANDEM_TYPE_ACTIVITY);

  properties[PROP_THEMES] =
    tandem_param_children ("themes", NULL, TANDEM_TYPE_THEME);

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);

  /**
   * TandemDocument::before-commit:
   * @transaction: the transaction about to close
   *
   * Emitted when the outermost transaction is about to close. Handlers may inspect its
   * changes and make further changes, which join the same transaction (the audit trail
   * does this).
   */
  signals[BEFORE_COMMIT] =
    g_signal_new ("before-commit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * TandemDocument::changed:
   *
   * Emitted after a transaction is committed, undone or redone.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tandem_document_init (TandemDocument *self)
{
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_bytes_unref);
  self->undo_stack = g_ptr_array_new_with_free_func (transaction_free);
  self->redo_stack = g_ptr_array_new_with_free_func (transaction_free);
  self->status = TANDEM_PROJECT_STATUS_DRAFT;
  self->conditions = tandem_list_new (TANDEM_OBJECT (self), TANDEM_TYPE_CONDITION);
  self->checklists = tandem_list_new (TANDEM_OBJECT (self), TANDEM_TYPE_CHECKLIST);
  self->journeys = tandem_list_new (TANDEM_OBJECT (self), TANDEM_TYPE_JOURNEY);
  self->groups = tandem_list_new (TANDEM_OBJECT (self), TANDEM_TYPE_GROUP);
  self->activities = tandem_list_new (TANDEM_OBJECT (self), TANDEM_TYPE_ACTIVITY);
  self->themes = tandem_list_new (TANDEM_OBJECT (self), TANDEM_TYPE_THEME);
}

/* Public API */

/**
 * tandem_document_new:
 *
 * Returns: (transfer full): a new, empty, unmodified document
 */
TandemDocument *
tandem_document_new (void)
{
  return g_object_new (TANDEM_TYPE_DOCUMENT, NULL);
}

/**
 * tandem_document_new_project:
 *
 * A new project as the user starts one: empty, with the project-level conditions that the
 * built-in checklists refer to, all off. Not modified and nothing to undo.
 *
 * Returns: (transfer full): the document
 */
TandemDocument *
tandem_document_new_project (void)
{
  static const struct {
    const char *key;
    const char *label;
  } standard[] = {
    { "beds-reduced", N_("Beds are reduced significantly") },
    { "capital-needed", N_("Capital investment is needed") },
    { "substantial-change", N_("The change is substantial, so formal consultation is needed") },
  };
  TandemDocument *self = tandem_document_new ();

  _tandem_document_begin_loading (self);
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      g_autoptr(TandemCondition) condition = tandem_condition_new (standard[i].key,
                                                                   _(standard[i].label));
      tandem_list_append (self->conditions, condition);
    }
  _tandem_document_end_loading (self);

  return self;
}

#define STRING_ACCESSORS(field, PROP)                                            \
const char *                                                                     \
tandem_document_get_##field (TandemDocument *self)                               \
{                                                                                \
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);                        \
  return self->field ? self->field : "";                                         \
}                                                                                \
                                                                                 \
void                                                                             \
tandem_document_set_##field (TandemDocument *self,                               \
                             const char     *value)                              \
{                                                                                \
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));                                  \
  _tandem_object_set_string (TANDEM_OBJECT (self), &self->field, value,          \
                             properties[PROP]);                                  \
}

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (organisation, PROP_ORGANISATION)
STRING_ACCESSORS (programme, PROP_PROGRAMME)
STRING_ACCESSORS (version, PROP_VERSION)
STRING_ACCESSORS (summary, PROP_SUMMARY)
STRING_ACCESSORS (meeting, PROP_MEETING)
STRING_ACCESSORS (meeting_date, PROP_MEETING_DATE)
STRING_ACCESSORS (agenda_item, PROP_AGENDA_ITEM)
STRING_ACCESSORS (report_author, PROP_REPORT_AUTHOR)
STRING_ACCESSORS (executive_sponsor, PROP_EXECUTIVE_SPONSOR)
STRING_ACCESSORS (classification, PROP_CLASSIFICATION)

#undef STRING_ACCESSORS

TandemProjectStatus
tandem_document_get_status (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);

  return self->status;
}

void
tandem_document_set_status (TandemDocument      *self,
                            TandemProjectStatus  status)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  _tandem_object_set_enum (TANDEM_OBJECT (self), (int *)&self->status, status,
                           properties[PROP_STATUS]);
}

TandemPaperPurpose
tandem_document_get_paper_purpose (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);

  return self->paper_purpose;
}

void
tandem_document_set_paper_purpose (TandemDocument     *self,
                                   TandemPaperPurpose  purpose)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  _tandem_object_set_enum (TANDEM_OBJECT (self), (int *)&self->paper_purpose, purpose,
                           properties[PROP_PAPER_PURPOSE]);
}

gboolean
tandem_document_get_fictional (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);

  return self->fictional;
}

void
tandem_document_set_fictional (TandemDocument *self,
                               gboolean        fictional)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  _tandem_object_set_boolean (TANDEM_OBJECT (self), &self->fictional, !!fictional,
                              properties[PROP_FICTIONAL]);
}

/**
 * tandem_document_get_conditions:
 *
 * Returns: (transfer none): the project-level conditions, a list of #TandemCondition
 */
TandemList *
tandem_document_get_conditions (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return self->conditions;
}

/**
 * tandem_document_get_checklists:
 *
 * Returns: (transfer none): the board assurance checklists, a list of #TandemChecklist
 */
TandemList *
tandem_document_get_checklists (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return self->checklists;
}

/**
 * tandem_document_get_groups:
 *
 * Returns: (transfer none): the groups of people the change may affect, a list of #TandemGroup
 */
TandemList *
tandem_document_get_groups (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return self->groups;
}

/**
 * tandem_document_get_activities:
 *
 * Returns: (transfer none): the engagement log, a list of #TandemActivity
 */
TandemList *
tandem_document_get_activities (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return self->activities;
}

/**
 * tandem_document_get_themes:
 *
 * Returns: (transfer none): "you said, we did", a list of #TandemTheme
 */
TandemList *
tandem_document_get_themes (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return self->themes;
}

/**
 * tandem_document_get_journeys:
 *
 * Returns: (transfer none): the patient journeys, a list of #TandemJourney
 */
TandemList *
tandem_document_get_journeys (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return self->journeys;
}

/**
 * tandem_document_find_condition:
 *
 * Returns: (transfer none) (nullable): the first condition with @key
 */
TandemCondition *
tandem_document_find_condition (TandemDocument *self,
                                const char     *key)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < tandem_list_get_n (self->conditions); i++)
    {
      TandemCondition *condition = tandem_list_get (self->conditions, i);

      if (g_strcmp0 (tandem_condition_get_key (condition), key) == 0)
        return condition;
    }

  return NULL;
}

/**
 * tandem_document_condition_is_on:
 *
 * Returns: %TRUE when @key is empty (no condition) or names a condition that is on
 */
gboolean
tandem_document_condition_is_on (TandemDocument *self,
                                 const char     *key)
{
  TandemCondition *condition;

  if (key == NULL || key[0] == '\0')
    return TRUE;

  condition = tandem_document_find_condition (self, key);

  return condition != NULL && tandem_condition_get_enabled (condition);
}

/**
 * tandem_document_add_blob:
 *
 * Keeps the contents of a file (an attachment) with the document, stored once however many
 * objects refer to it. Not an undoable change: a blob no field refers to is not saved.
 *
 * Returns: (transfer full): the SHA-256 of @bytes, to store in a %TANDEM_FIELD_BLOB field
 */
char *
tandem_document_add_blob (TandemDocument *self,
                          GBytes         *bytes)
{
  char *hash;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  _tandem_document_add_memory_blob (self, hash, bytes);

  return hash;
}

/**
 * tandem_document_get_memory_blob:
 *
 * Returns: (transfer none) (nullable): the contents added with tandem_document_add_blob(),
 *   or %NULL when they are only in the file (see tandem_storage_read_blob())
 */
GBytes *
tandem_document_get_memory_blob (TandemDocument *self,
                                 const char     *hash)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return g_hash_table_lookup (self->blobs, hash);
}

void
_tandem_document_add_memory_blob (TandemDocument *self,
                                  const char     *hash,
                                  GBytes         *bytes)
{
  if (!g_hash_table_contains (self->blobs, hash))
    g_hash_table_insert (self->blobs, g_strdup (hash), g_bytes_ref (bytes));
}

/**
 * _tandem_document_get_merge_target:
 *
 * Returns: (transfer none) (nullable): the undo step that the open transaction will be
 *   folded into when it commits; the audit trail uses it so that typing into a field makes
 *   one entry, not one per keystroke
 */
TandemTransaction *
_tandem_document_get_merge_target (TandemDocument *self)
{
  return merge_target (self, self->current);
}

void
_tandem_document_set_blob_source (TandemDocument *self,
                                  const char     *path)
{
  g_free (self->blob_source);
  self->blob_source = g_strdup (path);
}

const char *
_tandem_document_get_blob_source (TandemDocument *self)
{
  return self->blob_source;
}

/**
 * tandem_document_get_reviewer:
 *
 * Returns: the name the audit trail records with each change, as the reviewer gave it in
 *   the preferences, or "" when none was given. Never the name of the login account: a
 *   record for the board must not attribute answers to whoever happens to own the laptop.
 */
const char *
tandem_document_get_reviewer (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return self->reviewer != NULL ? self->reviewer : "";
}

void
tandem_document_set_reviewer (TandemDocument *self,
                              const char     *reviewer)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  g_free (self->reviewer);
  self->reviewer = g_strdup (reviewer);
}

/**
 * tandem_document_get_reviewer_role:
 *
 * Returns: the reviewer's role (such as "Non-executive director"), recorded with their
 *   name in the audit trail, or ""
 */
const char *
tandem_document_get_reviewer_role (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  return self->reviewer_role != NULL ? self->reviewer_role : "";
}

void
tandem_document_set_reviewer_role (TandemDocument *self,
                                   const char     *role)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  g_free (self->reviewer_role);
  self->reviewer_role = g_strdup (role);
}

/**
 * tandem_document_now:
 *
 * Returns: (transfer full): the current time as the audit trail and sign-offs record it,
 *   "YYYY-MM-DDTHH:MM:SSZ" in UTC, or the fixed time given for tests
 */
char *
tandem_document_now (TandemDocument *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  if (self->fixed_time != NULL)
    return g_strdup (self->fixed_time);

  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
tandem_document_set_fixed_time (TandemDocument *self,
                                const char     *timestamp)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  g_free (self->fixed_time);
  self->fixed_time = g_strdup (timestamp);
}

/**
 * tandem_document_lookup:
 *
 * Returns: (transfer none) (nullable): the object in this document with @id
 */
TandemObject *
tandem_document_lookup (TandemDocument *self,
                        const char     *id)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->index, id);
}

guint
tandem_document_get_n_objects (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);

  return g_hash_table_size (self->index);
}

void
tandem_document_begin (TandemDocument *self,
                       const char     *label)
{
  tandem_document_begin_merge (self, label, NULL);
}

/**
 * tandem_document_begin_merge:
 * @label: what the user did, for "Undo …"
 * @merge_key: (nullable): when the previous undo step had the same key, this transaction
 *   is folded into it
 *
 * Opens a transaction, or a nested one inside an open transaction (the outer label and key
 * win).
 */
void
tandem_document_begin_merge (TandemDocument *self,
                             const char     *label,
                             const char     *merge_key)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));
  g_return_if_fail (!self->replaying);

  if (self->depth++ == 0)
    self->current = transaction_new (label, merge_key);
}

void
tandem_document_commit (TandemDocument *self)
{
  TandemTransaction *transaction;
  HistoryState before;

  g_return_if_fail (TANDEM_IS_DOCUMENT (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    {
      self->depth--;
      return;
    }

  /* Links to what this transaction removed go with it, in the same undo step. */
  if (!_tandem_document_is_loading (self))
    _tandem_engagement_drop_dangling_links (self, self->current);

  /* Handlers (the checklists' audit trail among them) may add changes to the transaction
   * while it is still open. */
  g_signal_emit (self, signals[BEFORE_COMMIT], 0, self->current);

  self->depth = 0;
  transaction = g_steal_pointer (&self->current);

  if (transaction->changes->len == 0)
    {
      transaction_free (transaction);
      return;
    }

  history_state_get (self, &before);

  g_ptr_array_set_size (self->redo_stack, 0);

  if (try_merge (self, transaction))
    {
      transaction_free (transaction);
    }
  else
    {
      transaction->serial = ++self->next_serial;
      g_ptr_array_add (self->undo_stack, transaction);
    }

  self->merge_broken = FALSE;

  history_state_notify (self, &before);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tandem_document_rollback:
 *
 * Reverts every change of the open outermost transaction and closes it; nothing reaches
 * the undo history.
 */
void
tandem_document_rollback (TandemDocument *self)
{
  TandemTransaction *transaction;

  g_return_if_fail (TANDEM_IS_DOCUMENT (self));
  g_return_if_fail (self->depth == 1);

  self->depth = 0;
  transaction = g_steal_pointer (&self->current);
  transaction_apply (self, transaction, TRUE, FALSE);
  transaction_free (transaction);
}

gboolean
tandem_document_in_transaction (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);

  return self->depth > 0;
}

/**
 * tandem_document_break_merge:
 *
 * The next transaction starts a new undo step even if its merge key matches; called when
 * the user leaves a field.
 */
void
tandem_document_break_merge (TandemDocument *self)
{
  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  self->merge_broken = TRUE;
}

gboolean
tandem_document_can_undo (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
tandem_document_can_redo (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0;
}

const char *
tandem_document_get_undo_label (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;

  return ((TandemTransaction *)g_ptr_array_index (self->undo_stack,
                                                  self->undo_stack->len - 1))->label;
}

/**
 * tandem_document_peek_undo:
 *
 * Returns: (transfer none) (nullable): the transaction Undo would take back, so that the
 *   interface can show where it happened
 */
TandemTransaction *
tandem_document_peek_undo (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;

  return g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
}

const char *
tandem_document_get_redo_label (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;

  return ((TandemTransaction *)g_ptr_array_index (self->redo_stack,
                                                  self->redo_stack->len - 1))->label;
}

guint
tandem_document_get_undo_depth (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);

  return self->undo_stack->len;
}

gboolean
tandem_document_undo (TandemDocument *self)
{
  TandemTransaction *transaction;
  HistoryState before;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  history_state_get (self, &before);

  transaction = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  transaction_apply (self, transaction, TRUE, TRUE);
  g_ptr_array_add (self->redo_stack, transaction);
  self->merge_broken = TRUE;

  history_state_notify (self, &before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
tandem_document_redo (TandemDocument *self)
{
  TandemTransaction *transaction;
  HistoryState before;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;

  history_state_get (self, &before);

  transaction = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  transaction_apply (self, transaction, FALSE, TRUE);
  g_ptr_array_add (self->undo_stack, transaction);
  self->merge_broken = TRUE;

  history_state_notify (self, &before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
tandem_document_get_modified (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), FALSE);

  return current_state (self) != self->saved_state;
}

/**
 * tandem_document_get_state:
 *
 * Returns: a number naming the document's current content; saving records it with
 *   tandem_document_mark_saved() once the file is safely written
 */
guint64
tandem_document_get_state (TandemDocument *self)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (self), 0);

  return current_state (self);
}

void
tandem_document_mark_saved (TandemDocument *self,
                            guint64         state)
{
  HistoryState before;

  g_return_if_fail (TANDEM_IS_DOCUMENT (self));

  history_state_get (self, &before);
  self->saved_state = state;
  history_state_notify (self, &before);
}

/**
 * tandem_document_mark_unsaved:
 *
 * Marks the document as not matching any saved file, as for recovered work.
 */
void
tandem_document_mark_unsaved (TandemDocument *self)
{
  tandem_document_mark_saved (self, G_MAXUINT64);
}

/* Transactions as seen by observers */

const char *
tandem_transaction_get_label (TandemTransaction *transaction)
{
  return transaction->label;
}

guint
tandem_transaction_get_n_changes (TandemTransaction *transaction)
{
  return transaction->changes->len;
}

const TandemChange *
tandem_transaction_get_change (TandemTransaction *transaction,
                               guint              index)
{
  g_return_val_if_fail (index < transaction->changes->len, NULL);

  return &g_array_index (transaction->changes, TandemChange, index);
}

/* Private API */

void
_tandem_document_begin_loading (TandemDocument *self)
{
  self->loading++;
}

void
_tandem_document_end_loading (TandemDocument *self)
{
  g_return_if_fail (self->loading > 0);

  self->loading--;
}

gboolean
_tandem_document_is_loading (TandemDocument *self)
{
  return self->loading > 0 || self->replaying;
}

/* Being built from a file (not replaying undo, which others do watch). */
gboolean
_tandem_document_is_reading (TandemDocument *self)
{
  return self->loading > 0;
}

void
_tandem_document_record_property (TandemDocument *self,
                                  TandemObject   *object,
                                  GParamSpec     *pspec,
                                  const GValue   *old_value,
                                  const GValue   *new_value)
{
  TandemChange *change;

  if (!check_recording (self))
    return;

  change = append_change (self);
  change->kind = TANDEM_CHANGE_PROPERTY;
  /* The document owns its history: a reference from its own undo stack to itself would be a
   * cycle that keeps every edited document (and everything in it) alive for ever. */
  change->object = object == TANDEM_OBJECT (self) ? object : g_object_ref (object);
  change->pspec = pspec;
  g_value_init (&change->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &change->old_value);
  g_value_init (&change->new_value, G_VALUE_TYPE (new_value));
  g_value_copy (new_value, &change->new_value);
}

void
_tandem_document_record_list (TandemDocument   *self,
                              TandemList       *list,
                              TandemChangeKind  kind,
                              guint             position,
                              TandemObject     *object)
{
  TandemChange *change;

  if (!check_recording (self))
    return;

  change = append_change (self);
  change->kind = kind;
  change->object = g_object_ref (object);
  change->list = g_object_ref (list);
  change->position = position;
}

void
_tandem_document_index_add (TandemDocument *self,
                            TandemObject   *object)
{
  const char *id = tandem_object_get_id (object);

  /* Ids are checked for uniqueness when a file is read; here, keep the first owner. */
  if (!g_hash_table_contains (self->index, id))
    g_hash_table_insert (self->index, (gpointer)id, object);
}

void
_tandem_document_index_remove (TandemDocument *self,
                               TandemObject   *object)
{
  const char *id = tandem_object_get_id (object);

  if (g_hash_table_lookup (self->index, id) == object)
    g_hash_table_remove (self->index, id);
}
