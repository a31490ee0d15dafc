/* tandem-kept-links.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-storage"

#include "config.h"

#include "tandem-checklist-item.h"
#include "tandem-document-private.h"
#include "tandem-evidence-link.h"
#include "tandem-object-private.h"
#include "tandem-storage-private.h"

/*
 * Links an older Tandem allowed, kept as text.
 *
 * Older Tandem had a “Link to File…” button, so real projects hold file: and smb: links, which
 * Tandem no longer opens (see tandem-evidence-link.c). Refusing such a file would leave its
 * owner unable to open their own project to take the link out, so opening a .tandem file
 * migrates them in memory, as the schema migrations do: each becomes a line of text at the
 * end of its question's evidence, naming the link, and the link object is gone. It is not an
 * undoable transaction on purpose: the model never holds a refused link, so no undo, save or
 * export can bring one back as something to click. The document comes out unsaved (it is not
 * what the file holds) and remembers how many links it kept, for the window and
 * `tandem --check` to say so once. The file itself changes only when the user saves.
 *
 * JSON import does not do this: JSON comes from tools and from people, not from an older
 * Tandem, and a refused link in it is refused with the link's sentence.
 */

/* G_DEFINE_QUARK would export the quark's getter; nothing outside this file needs it. */
static GQuark
links_kept_quark (void)
{
  return g_quark_from_static_string ("tandem-links-kept-as-text");
}

static void
collect_item_cb (TandemObject *object,
                 gpointer      user_data)
{
  if (TANDEM_IS_CHECKLIST_ITEM (object))
    g_ptr_array_add (user_data, object);
}

/* Returns whether @link became text on @item. An answer with no room left for the line keeps
 * the link, and the validation after this refuses the file with the link's sentence: opening
 * it as a document that could not be opened again once saved would be worse. */
static gboolean
keep_as_text (TandemChecklistItem *item,
              TandemEvidenceLink  *link)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "evidence");
  const char *evidence = tandem_checklist_item_get_evidence (item);
  g_autofree char *line = tandem_evidence_link_dup_kept_text (link);
  g_autofree char *text = NULL;

  if (evidence[0] == '\0')
    text = g_strdup (line);
  else
    text = g_strconcat (evidence, g_str_has_suffix (evidence, "\n") ? "" : "\n", line, NULL);

  if (!tandem_field_check_text (pspec, text, NULL))
    return FALSE;

  tandem_checklist_item_set_evidence (item, text);
  tandem_list_remove_object (tandem_checklist_item_get_links (item), link);

  return TRUE;
}

/**
 * _tandem_storage_keep_links_as_text:
 * @document: a document being read from a file, still loading
 *
 * Turns every link Tandem does not open into text on its question, marks @document unsaved
 * when there were any, and remembers how many for tandem_storage_get_links_kept_as_text().
 */
void
_tandem_storage_keep_links_as_text (TandemDocument *document)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint n_kept = 0;

  g_assert (TANDEM_IS_DOCUMENT (document));
  g_assert (_tandem_document_is_reading (document));

  _tandem_object_foreach (TANDEM_OBJECT (document), collect_item_cb, items);

  for (guint i = 0; i < items->len; i++)
    {
      TandemChecklistItem *item = g_ptr_array_index (items, i);
      TandemList *links = tandem_checklist_item_get_links (item);

      for (guint j = 0; j < tandem_list_get_n (links);)
        {
          TandemEvidenceLink *link = tandem_list_get (links, j);

          if (!tandem_evidence_link_check_uri (tandem_evidence_link_get_uri (link), NULL) &&
              keep_as_text (item, link))
            n_kept++;
          else
            j++;
        }
    }

  if (n_kept > 0)
    {
      g_object_set_qdata (G_OBJECT (document), links_kept_quark (), GUINT_TO_POINTER (n_kept));
      tandem_document_mark_unsaved (document);
    }
}

/**
 * tandem_storage_get_links_kept_as_text:
 *
 * Returns: how many links to files (or anything else Tandem does not open) were turned into
 *   text on their questions when @document was opened; 0 for a document not read from a file
 */
guint
tandem_storage_get_links_kept_as_text (TandemDocument *document)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), 0);

  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (document), links_kept_quark ()));
}
