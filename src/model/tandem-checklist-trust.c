/* tandem-checklist-trust.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-checklist-trust"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tandem-attachment.h"
#include "tandem-audit-entry.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-private.h"
#include "tandem-checklist-section.h"
#include "tandem-document-private.h"
#include "tandem-evidence-link.h"
#include "tandem-signoff.h"

/*
 * What makes a checklist's record verifiable: the SHA-256 of the answers a sign-off covers,
 * and the audit trail as a hash chain. Both hash a canonical serialisation (documented in
 * help/C/checklist-trust.page, and kept in step with it):
 *
 * - every value is written as its length in bytes in decimal, a colon, the UTF-8 bytes, and
 *   a newline ("5:Hello\n"), so that no choice of text can make two records serialise alike;
 * - enumerations are written as their nicks ("partly-met"), booleans as "true"/"false",
 *   whole numbers in decimal;
 * - ids are not hashed, so that a checklist copied into another project (where it gets new
 *   ids) still verifies; what is hashed follows the order of sections, items and lists.
 *
 * Answers ("tandem-answers-1"): for the checklist, each answer field (decision, decision
 * conditions, decision reason) as name then value; then for every item of every section, in
 * order, "item", its key and question, each answer field as name then value, then each
 * evidence link (uri, title, and target when it has one) and each attachment (name, size, content type, blob hash).
 *
 * Audit entry ("tandem-audit-1"): the previous entry's hash ("" for the first), then the
 * timestamp, who, role, origin, subject, field, old value and new value. Each entry holds
 * the hash of the one before and its own; the checklist holds the hash of the last entry
 * (its "audit head"), so that removing entries from the end also shows.
 *
 * What this proves: that the record was changed outside Tandem, or not. It is not an
 * electronic signature: anyone with the file and this description can rebuild the chain.
 */

#define ANSWERS_TAG "tandem-answers-1"
#define AUDIT_TAG "tandem-audit-1"

static void
put (GChecksum  *checksum,
     const char *text)
{
  char length[32];
  gsize n = text != NULL ? strlen (text) : 0;

  g_snprintf (length, sizeof length, "%" G_GSIZE_FORMAT ":", n);
  g_checksum_update (checksum, (const guchar *)length, -1);
  if (n > 0)
    g_checksum_update (checksum, (const guchar *)text, n);
  g_checksum_update (checksum, (const guchar *)"\n", 1);
}

static char *
field_text (TandemObject *object,
            GParamSpec   *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = pspec->value_type;

  g_value_init (&value, type);
  g_object_get_property (G_OBJECT (object), pspec->name, &value);

  if (type == G_TYPE_STRING)
    return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (&value) ? "true" : "false");
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (&value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (&value)));
    }
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (&value));

      return g_strdup (enum_value ? enum_value->value_nick : "");
    }

  return g_strdup ("");
}

typedef gboolean (*FieldFilter) (GParamSpec *pspec);

static void
put_fields (GChecksum    *checksum,
            TandemObject *object,
            FieldFilter   filter)
{
  guint n_fields;
  GParamSpec **fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (object),
                                                         &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = NULL;

      if (tandem_param_get_field_kind (fields[i]) == TANDEM_FIELD_CHILDREN)
        continue;
      if (filter != NULL && !filter (fields[i]))
        continue;

      text = field_text (object, fields[i]);
      /* An evidence link's target (schema 6) is hashed only when set, so that answers
       * signed before it existed keep their hash. */
      if (tandem_param_get_field_kind (fields[i]) == TANDEM_FIELD_REFERENCE &&
          (text == NULL || text[0] == '\0'))
        continue;
      put (checksum, fields[i]->name);
      put (checksum, text);
    }
}

/**
 * tandem_checklist_hash_answers:
 *
 * Returns: (transfer full): the SHA-256, in hexadecimal, of the checklist's answers as a
 *   sign-off covers them (see the top of this file)
 */
char *
tandem_checklist_hash_answers (TandemChecklist *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  TandemList *sections = tandem_checklist_get_sections (self);

  put (checksum, ANSWERS_TAG);
  put_fields (checksum, TANDEM_OBJECT (self), tandem_checklist_is_answer_field);

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, i));

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        {
          TandemChecklistItem *item = tandem_list_get (items, j);
          TandemList *links = tandem_checklist_item_get_links (item);
          TandemList *attachments = tandem_checklist_item_get_attachments (item);

          put (checksum, "item");
          put (checksum, tandem_checklist_item_get_key (item));
          put (checksum, tandem_checklist_item_get_question (item));
          put_fields (checksum, TANDEM_OBJECT (item), tandem_checklist_item_is_answer_field);

          for (guint k = 0; k < tandem_list_get_n (links); k++)
            {
              put (checksum, "link");
              put_fields (checksum, tandem_list_get (links, k), NULL);
            }
          for (guint k = 0; k < tandem_list_get_n (attachments); k++)
            {
              put (checksum, "attachment");
              put_fields (checksum, tandem_list_get (attachments, k), NULL);
            }
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * tandem_audit_entry_compute_hash:
 * @prev_hash: the hash of the entry before, or "" for the first
 *
 * Returns: (transfer full): the SHA-256, in hexadecimal, that @entry should hold
 */
char *
tandem_audit_entry_compute_hash (TandemAuditEntry *entry,
                                 const char       *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  put (checksum, AUDIT_TAG);
  put (checksum, prev_hash);
  put (checksum, tandem_audit_entry_get_timestamp (entry));
  put (checksum, tandem_audit_entry_get_who (entry));
  put (checksum, tandem_audit_entry_get_role (entry));
  put (checksum, tandem_audit_entry_get_origin (entry));
  put (checksum, tandem_audit_entry_get_subject (entry));
  put (checksum, tandem_audit_entry_get_field (entry));
  put (checksum, tandem_audit_entry_get_old_value (entry));
  put (checksum, tandem_audit_entry_get_new_value (entry));

  return g_strdup (g_checksum_get_string (checksum));
}

static void
chain_one (TandemChecklist  *self,
           TandemAuditEntry *entry,
           const char       *prev_hash)
{
  g_autofree char *hash = NULL;

  tandem_audit_entry_set_prev_hash (entry, prev_hash);
  hash = tandem_audit_entry_compute_hash (entry, prev_hash);
  tandem_audit_entry_set_hash (entry, hash);
}

/**
 * _tandem_checklist_chain_from:
 * @from: the position of the first entry Tandem itself just added or changed
 *
 * Links the entries from @from to the end onto the chain and moves the checklist's audit
 * head to the last. Entries before @from are never touched, so a break made outside Tandem
 * stays visible.
 */
void
_tandem_checklist_chain_from (TandemChecklist *self,
                              guint            from)
{
  TandemList *audit = tandem_checklist_get_audit (self);
  guint n = tandem_list_get_n (audit);
  const char *prev = "";

  if (from > 0 && from <= n)
    prev = tandem_audit_entry_get_hash (tandem_list_get (audit, from - 1));

  for (guint i = from; i < n; i++)
    {
      TandemAuditEntry *entry = tandem_list_get (audit, i);

      chain_one (self, entry, prev);
      prev = tandem_audit_entry_get_hash (entry);
    }

  tandem_checklist_set_audit_head (self, n > 0 ? prev : "");
}

/**
 * tandem_signoff_describe_for_audit:
 *
 * Returns: (transfer full): what the audit entry of a sign-off records, so that the sign-off
 *   is part of the chain: who, in what role, and the hash of the answers it covers
 */
char *
tandem_signoff_describe_for_audit (TandemSignoff *signoff)
{
  return g_strdup_printf ("%s (%s), signed at %s, answers SHA-256 %s",
                          tandem_signoff_get_name (signoff), tandem_signoff_get_role (signoff),
                          tandem_signoff_get_signed_at (signoff),
                          tandem_signoff_get_answers_hash (signoff));
}

static gboolean
chain_is_intact (TandemChecklist *self)
{
  TandemList *audit = tandem_checklist_get_audit (self);
  const char *prev = "";

  for (guint i = 0; i < tandem_list_get_n (audit); i++)
    {
      TandemAuditEntry *entry = tandem_list_get (audit, i);
      g_autofree char *hash = NULL;

      if (g_strcmp0 (tandem_audit_entry_get_prev_hash (entry), prev) != 0)
        return FALSE;

      hash = tandem_audit_entry_compute_hash (entry, prev);
      if (g_strcmp0 (tandem_audit_entry_get_hash (entry), hash) != 0)
        return FALSE;

      prev = tandem_audit_entry_get_hash (entry);
    }

  return g_strcmp0 (tandem_checklist_get_audit_head (self), prev) == 0;
}

static gboolean
signoff_matches_trail (TandemChecklist *self,
                       TandemSignoff   *signoff,
                       const char      *answers_hash)
{
  TandemList *audit = tandem_checklist_get_audit (self);
  const char *id = tandem_object_get_id (TANDEM_OBJECT (signoff));
  g_autofree char *signed_text = tandem_signoff_describe_for_audit (signoff);
  TandemAuditEntry *signed_entry = NULL;
  const char *voided_at = "";

  for (guint i = 0; i < tandem_list_get_n (audit); i++)
    {
      TandemAuditEntry *entry = tandem_list_get (audit, i);

      if (!g_str_equal (tandem_audit_entry_get_subject_id (entry), id))
        continue;

      if (g_str_equal (tandem_audit_entry_get_field (entry), "signed"))
        signed_entry = entry;
      else if (g_str_equal (tandem_audit_entry_get_field (entry), "voided-at"))
        voided_at = tandem_audit_entry_get_new_value (entry);
    }

  /* The sign-off must be the one the trail recorded: who, when, and over which answers... */
  if (signed_entry == NULL ||
      !g_str_equal (tandem_audit_entry_get_new_value (signed_entry), signed_text))
    return FALSE;

  /* ...voided if and only if the trail last said so... */
  if (!g_str_equal (voided_at, tandem_signoff_get_voided_at (signoff)))
    return FALSE;

  /* ...and while it stands, the answers must be those it covered. */
  if (tandem_signoff_get_voided_at (signoff)[0] == '\0' &&
      !g_str_equal (tandem_signoff_get_answers_hash (signoff), answers_hash))
    return FALSE;

  return TRUE;
}

/**
 * tandem_checklist_verify:
 * @unverified: (out) (optional) (transfer container): the sign-offs that cannot be verified
 *
 * Returns: %TRUE when the audit chain is intact and every sign-off matches it and, while it
 *   stands, the answers it covers
 */
gboolean
tandem_checklist_verify (TandemChecklist  *self,
                         GPtrArray       **unverified)
{
  TandemList *signoffs = tandem_checklist_get_signoffs (self);
  g_autofree char *answers_hash = tandem_checklist_hash_answers (self);
  gboolean chain = chain_is_intact (self);
  gboolean ok = chain;

  if (unverified != NULL)
    *unverified = g_ptr_array_new ();

  for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
    {
      TandemSignoff *signoff = tandem_list_get (signoffs, i);

      /* A broken chain vouches for nothing: every sign-off of the checklist is marked. */
      if (chain && signoff_matches_trail (self, signoff, answers_hash))
        continue;

      ok = FALSE;
      if (unverified != NULL)
        g_ptr_array_add (*unverified, signoff);
    }

  return ok;
}

/**
 * tandem_checklist_signoff_verifies:
 *
 * Returns: %FALSE when @signoff "cannot be verified: changed outside Tandem"
 */
typedef struct
{
  guint64    state;
  guint      n_audit;
  GPtrArray *unverified;
} VerifyCache;

static void
verify_cache_free (gpointer data)
{
  VerifyCache *cache = data;

  g_ptr_array_unref (cache->unverified);
  g_free (cache);
}

gboolean
tandem_checklist_signoff_verifies (TandemChecklist *self,
                                   TandemSignoff   *signoff)
{
  static GQuark quark;
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (self));
  guint n_audit = tandem_list_get_n (tandem_checklist_get_audit (self));
  VerifyCache *cache;

  if (quark == 0)
    quark = g_quark_from_static_string ("tandem-verify-cache");

  /* Every sign-off row asks after every change: work it out once per state of the document
   * (in Tandem, content changes only through transactions, and undo only adds entries). */
  cache = g_object_get_qdata (G_OBJECT (self), quark);
  if (cache == NULL || document == NULL || cache->state != tandem_document_get_state (document) ||
      cache->n_audit != n_audit)
    {
      cache = g_new0 (VerifyCache, 1);
      cache->state = document != NULL ? tandem_document_get_state (document) : 0;
      cache->n_audit = n_audit;
      tandem_checklist_verify (self, &cache->unverified);
      g_object_set_qdata_full (G_OBJECT (self), quark, cache, verify_cache_free);
    }

  return !g_ptr_array_find (cache->unverified, signoff, NULL);
}

/**
 * tandem_document_describe_trust:
 *
 * Returns: (transfer full) (nullable): one sentence saying what does not verify, for the
 *   window, `--check` and JSON import; %NULL when every checklist verifies
 */
char *
tandem_document_describe_trust (TandemDocument *document)
{
  TandemList *checklists = tandem_document_get_checklists (document);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_broken = 0;
  guint n_signoffs = 0;

  for (guint i = 0; i < tandem_list_get_n (checklists); i++)
    {
      TandemChecklist *checklist = tandem_list_get (checklists, i);
      g_autoptr(GPtrArray) unverified = NULL;

      if (tandem_checklist_verify (checklist, &unverified))
        continue;

      n_broken++;
      n_signoffs += unverified->len;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "“%s”", tandem_checklist_get_title (checklist));
    }

  if (n_broken == 0)
    return NULL;

  if (n_signoffs == 0)
    /* TRANSLATORS: %s names one or more checklists */
    return g_strdup_printf (_("The history of %s was changed outside Tandem, so it cannot be "
                              "verified; the document opens, but check it with the person "
                              "who sent it."), names->str);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u sign-off in %s cannot be verified: the record was "
                                       "changed outside Tandem; the document opens, but check "
                                       "it with the person who sent it.",
                                       "%u sign-offs in %s cannot be verified: the record was "
                                       "changed outside Tandem; the document opens, but check "
                                       "it with the person who sent it.", n_signoffs),
                          n_signoffs, names->str);
}

/**
 * tandem_document_seal_legacy:
 *
 * For a document read from a file older than schema version 4, which had no hashes: gives
 * each sign-off the hash of the answers as they are now, adds to its checklist's trail one
 * entry per sign-off that records it in the form that carries that hash (origin "upgrade";
 * the old entries are left exactly as they were), and links the trail into a chain, so that
 * later changes show. Call only for files of an older version, never to "repair" a current
 * file whose chain is broken.
 */
void
tandem_document_seal_legacy (TandemDocument *document)
{
  TandemList *checklists = tandem_document_get_checklists (document);

  _tandem_document_begin_loading (document);

  for (guint i = 0; i < tandem_list_get_n (checklists); i++)
    {
      TandemChecklist *checklist = tandem_list_get (checklists, i);
      TandemList *signoffs = tandem_checklist_get_signoffs (checklist);
      TandemList *audit = tandem_checklist_get_audit (checklist);
      g_autofree char *answers_hash = tandem_checklist_hash_answers (checklist);

      for (guint j = 0; j < tandem_list_get_n (signoffs); j++)
        {
          TandemSignoff *signoff = tandem_list_get (signoffs, j);
          g_autoptr(TandemAuditEntry) entry = tandem_audit_entry_new ();
          g_autofree char *text = NULL;

          if (tandem_signoff_get_answers_hash (signoff)[0] == '\0')
            tandem_signoff_set_answers_hash (signoff, answers_hash);
          text = tandem_signoff_describe_for_audit (signoff);

          /* Dated at the signing it describes; nobody's name, since Tandem made it. */
          tandem_audit_entry_set_timestamp (entry, tandem_signoff_get_signed_at (signoff));
          tandem_audit_entry_set_origin (entry, "upgrade");
          tandem_audit_entry_set_subject_id (entry, tandem_object_get_id (TANDEM_OBJECT (signoff)));
          tandem_audit_entry_set_subject (entry, tandem_signoff_get_name (signoff));
          tandem_audit_entry_set_field (entry, "signed");
          tandem_audit_entry_set_new_value (entry, text);
          tandem_list_append (audit, entry);
        }

      _tandem_checklist_chain_from (checklist, 0);
    }

  _tandem_document_end_loading (document);
}
