/* tandem-pdf-tags.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-pdf-tags"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>

#include "tandem-pdf-tags.h"

/*
 * The last step of writing the appendix: what cairo 1.16 cannot write into a tagged PDF.
 *
 * Why this way. cairo's tag API (cairo_tag_begin/end) writes the structure tree, marked
 * content, links and destinations, and the flow uses it for everything it can: H1–H3, P,
 * Caption inside Table, TR/TH/TD, TOC/TOCI, L/LI/Lbl/LBody, Figure. But cairo 1.16 has no
 * way to write /Lang, /ViewerPreferences, /Alt, attributes (a TH's /Scope) or artifacts, and it
 * drops a structure element begun before the first page, so the tree has no single Document
 * root. Drawing the PDF ourselves would throw away cairo's fonts and links; patching the bytes
 * with string searches would be fragile. So cairo writes the PDF, and then libqpdf (Debian's
 * libqpdf, the library behind the qpdf tool the tests already use) opens it, changes only
 * these objects, and writes it again:
 *
 *  - the catalogue gets /Lang, /MarkInfo << /Marked true >> and
 *    /ViewerPreferences << /DisplayDocTitle true >>;
 *  - the elements at the root of the structure tree are put under one Document element;
 *  - every Figure gets the /Alt the flow built for it from the model, matched in order: the
 *    flow records one text per Figure element it begins, and a count that does not match is
 *    an error, not a guess;
 *  - every TH gets /A << /O /Table /Scope /Column >> (the appendix's header rows head columns);
 *  - content the flow tagged TANDEM_PDF_TAG_PAGINATION or TANDEM_PDF_TAG_DECORATION becomes
 *    an artifact ("/Artifact << /Type /Pagination >> BDC"), and its structure element leaves
 *    the tree and the parent tree.
 *
 * The output stays reproducible: qpdf writes objects in a fixed order and the /ID is
 * derived from the content (qpdf_set_deterministic_ID), so the same document and date give
 * the same bytes. It works on the finished temporary file, before it is renamed into place.
 */

typedef struct
{
  qpdf_data            qpdf;
  const TandemPdfTags *tags;
  guint                n_figures;
  GError              *error;
} Context;

static gboolean
is_artifact (qpdf_data qpdf,
             qpdf_oh   element)
{
  qpdf_oh type;
  gboolean artifact;

  if (!qpdf_oh_is_dictionary (qpdf, element))
    return FALSE;
  type = qpdf_oh_get_key (qpdf, element, "/S");
  artifact = qpdf_oh_is_name_and_equals (qpdf, type, "/" TANDEM_PDF_TAG_PAGINATION) ||
             qpdf_oh_is_name_and_equals (qpdf, type, "/" TANDEM_PDF_TAG_DECORATION);
  qpdf_oh_release (qpdf, type);

  return artifact;
}

/* Sets @key of @object to @value, and lets go of @value's handle. The C API keeps every
 * handle until it is released: a tree of tens of thousands of elements would fill its table. */
static void
set_key (qpdf_data   qpdf,
         qpdf_oh     object,
         const char *key,
         qpdf_oh     value)
{
  qpdf_oh_replace_key (qpdf, object, key, value);
  qpdf_oh_release (qpdf, value);
}

static void fix_element (Context *context,
                         qpdf_oh  element);

/* Fixes the children in @kids (an array), dropping the artifacts from it. */
static void
fix_kids (Context *context,
          qpdf_oh  kids)
{
  qpdf_data qpdf = context->qpdf;

  /* In order: Figure elements are matched with their descriptions by position. */
  for (int i = 0; i < qpdf_oh_get_array_n_items (qpdf, kids);)
    {
      qpdf_oh kid = qpdf_oh_get_array_item (qpdf, kids, i);

      if (is_artifact (qpdf, kid))
        qpdf_oh_erase_item (qpdf, kids, i);
      else
        {
          fix_element (context, kid);
          i++;
        }
      qpdf_oh_release (qpdf, kid);
    }
}

static void
fix_element (Context *context,
             qpdf_oh  element)
{
  qpdf_data qpdf = context->qpdf;
  qpdf_oh type, kids;

  if (!qpdf_oh_is_dictionary (qpdf, element) || !qpdf_oh_has_key (qpdf, element, "/S"))
    return;  /* marked-content or object references, and integers, have nothing to fix */

  type = qpdf_oh_get_key (qpdf, element, "/S");

  if (qpdf_oh_is_name_and_equals (qpdf, type, "/Figure"))
    {
      GPtrArray *alts = context->tags->figure_alts;

      if (alts != NULL && context->n_figures < alts->len)
        set_key (qpdf, element, "/Alt",
                 qpdf_oh_new_unicode_string (qpdf, g_ptr_array_index (alts, context->n_figures)));
      context->n_figures++;
    }
  else if (qpdf_oh_is_name_and_equals (qpdf, type, "/TH"))
    set_key (qpdf, element, "/A", qpdf_oh_parse (qpdf, "<< /O /Table /Scope /Column >>"));
  qpdf_oh_release (qpdf, type);

  kids = qpdf_oh_get_key (qpdf, element, "/K");
  if (qpdf_oh_is_array (qpdf, kids))
    {
      /* An element holding only an artifact would be left with nothing: keep it as it is. */
      fix_kids (context, kids);
    }
  else if (is_artifact (qpdf, kids))
    qpdf_oh_remove_key (qpdf, element, "/K");
  else if (qpdf_oh_is_dictionary (qpdf, kids))
    fix_element (context, kids);
  qpdf_oh_release (qpdf, kids);
}

/* One Document element at the root, holding what cairo put there. */
static qpdf_oh
wrap_in_document (qpdf_data qpdf,
                  qpdf_oh   tree)
{
  qpdf_oh kids = qpdf_oh_get_key (qpdf, tree, "/K");
  qpdf_oh document, array;

  if (qpdf_oh_is_dictionary (qpdf, kids) &&
      qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, kids, "/S"), "/Document"))
    return kids;

  if (qpdf_oh_is_array (qpdf, kids))
    array = kids;
  else
    {
      array = qpdf_oh_new_array (qpdf);
      if (!qpdf_oh_is_null (qpdf, kids))
        qpdf_oh_append_item (qpdf, array, kids);
    }

  document = qpdf_make_indirect_object (qpdf,
                                        qpdf_oh_parse (qpdf, "<< /Type /StructElem /S /Document >>"));
  qpdf_oh_replace_key (qpdf, document, "/P", tree);
  qpdf_oh_replace_key (qpdf, document, "/K", array);

  for (int i = 0; i < qpdf_oh_get_array_n_items (qpdf, array); i++)
    {
      qpdf_oh kid = qpdf_oh_get_array_item (qpdf, array, i);

      if (qpdf_oh_is_dictionary (qpdf, kid))
        qpdf_oh_replace_key (qpdf, kid, "/P", document);
    }

  qpdf_oh_replace_key (qpdf, tree, "/K", document);

  return document;
}

/* The parent tree maps each page's marked content to its element: artifacts have none. */
static void
fix_parent_tree (qpdf_data qpdf,
                 qpdf_oh   tree)
{
  qpdf_oh nums = qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, tree, "/ParentTree"), "/Nums");

  for (int i = 1; i < qpdf_oh_get_array_n_items (qpdf, nums); i += 2)
    {
      qpdf_oh value = qpdf_oh_get_array_item (qpdf, nums, i);

      for (int j = 0; qpdf_oh_is_array (qpdf, value) && j < qpdf_oh_get_array_n_items (qpdf, value); j++)
        {
          qpdf_oh item = qpdf_oh_get_array_item (qpdf, value, j);

          if (is_artifact (qpdf, item))
            {
              qpdf_oh null = qpdf_oh_new_null (qpdf);

              qpdf_oh_set_array_item (qpdf, value, j, null);
              qpdf_oh_release (qpdf, null);
            }
          qpdf_oh_release (qpdf, item);
        }
      qpdf_oh_release (qpdf, value);
    }
}

static char *
replace_artifacts (const char *content,
                   gsize       length,
                   gboolean   *changed)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  GString *out = g_string_sized_new (length + 64);
  gsize start = 0;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("/(" TANDEM_PDF_TAG_PAGINATION "|" TANDEM_PDF_TAG_DECORATION
                                            ")\\s*<<\\s*/MCID\\s+\\d+\\s*>>\\s*BDC",
                                            G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL));

  *changed = FALSE;
  g_regex_match_full (regex, content, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      int from, to;
      g_autofree char *name = g_match_info_fetch (match, 1);

      g_match_info_fetch_pos (match, 0, &from, &to);
      g_string_append_len (out, content + start, from - start);
      g_string_append (out, g_str_equal (name, TANDEM_PDF_TAG_PAGINATION)
                            ? "/Artifact << /Type /Pagination >> BDC"
                            : "/Artifact << /Type /Layout >> BDC");
      start = to;
      *changed = TRUE;
      g_match_info_next (match, NULL);
    }
  g_string_append_len (out, content + start, length - start);

  return g_string_free (out, FALSE);
}

static gboolean
fix_content_stream (qpdf_data qpdf,
                    qpdf_oh   stream)
{
  unsigned char *data = NULL;
  size_t length = 0;
  QPDF_BOOL filtered = QPDF_FALSE;
  g_autofree char *fixed = NULL;
  gboolean changed;

  if (!qpdf_oh_is_stream (qpdf, stream))
    return TRUE;
  if (qpdf_oh_get_stream_data (qpdf, stream, qpdf_dl_generalized, &filtered, &data, &length) &
      QPDF_ERRORS || !filtered)
    {
      free (data);
      return FALSE;
    }

  fixed = replace_artifacts ((const char *)data, length, &changed);
  if (changed)
    qpdf_oh_replace_stream_data (qpdf, stream, (const unsigned char *)fixed, strlen (fixed),
                                 qpdf_oh_new_null (qpdf), qpdf_oh_new_null (qpdf));
  free (data);

  return TRUE;
}

static gboolean
fix_pages (qpdf_data qpdf)
{
  int n = qpdf_get_num_pages (qpdf);

  for (int i = 0; i < n; i++)
    {
      qpdf_oh contents = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, i), "/Contents");

      if (qpdf_oh_is_array (qpdf, contents))
        {
          for (int j = 0; j < qpdf_oh_get_array_n_items (qpdf, contents); j++)
            if (!fix_content_stream (qpdf, qpdf_oh_get_array_item (qpdf, contents, j)))
              return FALSE;
        }
      else if (!fix_content_stream (qpdf, contents))
        return FALSE;
    }

  return TRUE;
}

static void
set_qpdf_error (GError    **error,
                qpdf_data   qpdf)
{
  const char *detail = qpdf_has_error (qpdf)
    ? qpdf_get_error_full_text (qpdf, qpdf_get_error (qpdf)) : _("unknown error");

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Tandem could not add the accessibility information to the PDF (%s). "
                 "Export it again; if it fails again, report it as a bug."), detail);
}

/**
 * tandem_pdf_tags_apply:
 * @path: a PDF that cairo wrote with a structure tree; rewritten in place
 *
 * Adds what cairo cannot write to a tagged PDF: see the comment at the top of this file.
 */
gboolean
tandem_pdf_tags_apply (const char           *path,
                       const TandemPdfTags  *tags,
                       GError              **error)
{
  g_autofree char *input = NULL;
  gsize input_length;
  g_autofree char *output = NULL;
  gsize output_length = 0;
  qpdf_data qpdf;
  qpdf_oh root, tree;
  Context context = { 0 };
  gboolean ok = FALSE;

  if (!g_file_get_contents (path, &input, &input_length, error))
    return FALSE;

  qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  context.qpdf = qpdf;
  context.tags = tags;

  if (qpdf_read_memory (qpdf, path, input, input_length, NULL) & QPDF_ERRORS)
    {
      set_qpdf_error (error, qpdf);
      goto out;
    }

  root = qpdf_get_root (qpdf);
  qpdf_oh_replace_key (qpdf, root, "/Lang",
                       qpdf_oh_new_unicode_string (qpdf, tags->lang ? tags->lang : "en-GB"));
  qpdf_oh_replace_key (qpdf, root, "/MarkInfo", qpdf_oh_parse (qpdf, "<< /Marked true >>"));
  qpdf_oh_replace_key (qpdf, root, "/ViewerPreferences",
                       qpdf_oh_parse (qpdf, "<< /DisplayDocTitle true >>"));

  tree = qpdf_oh_get_key (qpdf, root, "/StructTreeRoot");
  if (qpdf_oh_is_dictionary (qpdf, tree))
    {
      fix_element (&context, wrap_in_document (qpdf, tree));
      fix_parent_tree (qpdf, tree);

      if (tags->figure_alts != NULL && context.n_figures != tags->figure_alts->len)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The PDF has %u figures but %u descriptions of figures."),
                       context.n_figures, tags->figure_alts->len);
          goto out;
        }
    }

  if (!fix_pages (qpdf))
    {
      set_qpdf_error (error, qpdf);
      goto out;
    }

  qpdf_init_write_memory (qpdf);
  qpdf_set_deterministic_ID (qpdf, QPDF_TRUE);
  /* Streams cairo compressed are copied as they are (decompressing and compressing again
   * every font and page would triple the time of an export); the content streams rewritten
   * above are uncompressed, and are compressed. */
  qpdf_set_decode_level (qpdf, qpdf_dl_none);
  qpdf_set_compress_streams (qpdf, QPDF_TRUE);
  qpdf_set_object_stream_mode (qpdf, qpdf_o_preserve);
  qpdf_set_suppress_original_object_IDs (qpdf, QPDF_TRUE);
  if (qpdf_write (qpdf) & QPDF_ERRORS)
    {
      set_qpdf_error (error, qpdf);
      goto out;
    }

  output_length = qpdf_get_buffer_length (qpdf);
  output = g_memdup2 (qpdf_get_buffer (qpdf), output_length);
  ok = TRUE;

out:
  qpdf_cleanup (&qpdf);

  if (ok)
    ok = g_file_set_contents_full (path, output, output_length, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0644, error);

  return ok;
}
