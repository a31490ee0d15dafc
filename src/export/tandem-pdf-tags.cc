/* tandem-pdf-tags.cc
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-pdf-tags"

#include "config.h"

/* qpdf 11: no PointerHolder, only std::shared_ptr. */
#define POINTERHOLDER_TRANSITION 4

#include <exception>
#include <string>
#include <vector>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

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
 * libqpdf, the library behind the qpdf tool the tests already use; its C++ API, because
 * the C API's per-call handle table cost more than the rest of the export on large documents) opens it, changes only
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
 * the same bytes. It works on what cairo wrote to the file writer's temporary file, before
 * the writer renames it into place.
 */

namespace {

struct Context
{
  const TandemPdfTags *tags;
  guint                n_figures;
  QPDFObjectHandle     scope;  /* one attribute object that every TH refers to */
};

bool
is_artifact (QPDFObjectHandle element)
{
  if (!element.isDictionary ())
    return false;

  QPDFObjectHandle type = element.getKey ("/S");

  return type.isNameAndEquals ("/" TANDEM_PDF_TAG_PAGINATION) ||
         type.isNameAndEquals ("/" TANDEM_PDF_TAG_DECORATION);
}

void fix_element (Context &context, QPDFObjectHandle element);

/* Fixes the children in @kids, dropping the artifacts; in order, because Figure elements are
 * matched with their descriptions by position. The array is read once and, if an artifact
 * was dropped, set once: erasing items one by one costs the length of the array each time in
 * qpdf, and the Document's array holds an element per paragraph and page (quadratic: 40 s of
 * the 50 s of this step for 1,180 pages). The array stays the same object, so the bytes
 * written are the same. */
void
fix_kids (Context          &context,
          QPDFObjectHandle  kids)
{
  std::vector<QPDFObjectHandle> items = kids.getArrayAsVector ();
  std::vector<QPDFObjectHandle> kept;
  bool dropped = false;

  kept.reserve (items.size ());
  for (QPDFObjectHandle &kid : items)
    {
      if (is_artifact (kid))
        dropped = true;
      else
        {
          fix_element (context, kid);
          kept.push_back (kid);
        }
    }

  if (dropped)
    kids.setArrayFromVector (kept);
}

void
fix_element (Context          &context,
             QPDFObjectHandle  element)
{
  if (!element.isDictionary () || !element.hasKey ("/S"))
    return;  /* marked-content or object references, and integers, have nothing to fix */

  QPDFObjectHandle type = element.getKey ("/S");

  if (type.isNameAndEquals ("/Figure"))
    {
      GPtrArray *alts = context.tags->figure_alts;

      if (alts != nullptr && context.n_figures < alts->len)
        element.replaceKey ("/Alt", QPDFObjectHandle::newUnicodeString (
                                      (const char *)g_ptr_array_index (alts, context.n_figures)));
      context.n_figures++;
    }
  else if (type.isNameAndEquals ("/TH"))
    element.replaceKey ("/A", context.scope);

  QPDFObjectHandle kids = element.getKey ("/K");

  if (kids.isArray ())
    fix_kids (context, kids);
  else if (is_artifact (kids))
    element.removeKey ("/K");
  else if (kids.isDictionary ())
    fix_element (context, kids);
}

/* One Document element at the root, holding what cairo put there. */
QPDFObjectHandle
wrap_in_document (QPDF             &pdf,
                  QPDFObjectHandle  tree)
{
  QPDFObjectHandle kids = tree.getKey ("/K");

  if (kids.isDictionary () && kids.getKey ("/S").isNameAndEquals ("/Document"))
    return kids;

  QPDFObjectHandle array = kids;
  if (!kids.isArray ())
    {
      array = QPDFObjectHandle::newArray ();
      if (!kids.isNull ())
        array.appendItem (kids);
    }

  QPDFObjectHandle document =
    pdf.makeIndirectObject (QPDFObjectHandle::parse ("<< /Type /StructElem /S /Document >>"));
  document.replaceKey ("/P", tree);
  document.replaceKey ("/K", array);

  for (QPDFObjectHandle &kid : array.getArrayAsVector ())
    {
      if (kid.isDictionary ())
        kid.replaceKey ("/P", document);
    }

  tree.replaceKey ("/K", document);

  return document;
}

/* The parent tree maps each page's marked content to its element: artifacts have none. */
void
fix_parent_tree (QPDFObjectHandle tree)
{
  QPDFObjectHandle nums = tree.getKey ("/ParentTree").getKey ("/Nums");

  if (!nums.isArray ())
    return;

  std::vector<QPDFObjectHandle> entries = nums.getArrayAsVector ();

  for (size_t i = 1; i < entries.size (); i += 2)
    {
      QPDFObjectHandle value = entries[i];

      if (!value.isArray ())
        continue;

      std::vector<QPDFObjectHandle> items = value.getArrayAsVector ();
      for (size_t j = 0; j < items.size (); j++)
        if (is_artifact (items[j]))
          value.setArrayItem ((int)j, QPDFObjectHandle::newNull ());
    }
}

std::string
replace_artifacts (const std::string &content,
                   bool              &changed)
{
  static GRegex *regex;
  GMatchInfo *match = nullptr;
  std::string out;
  gsize start = 0;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("/(" TANDEM_PDF_TAG_PAGINATION "|" TANDEM_PDF_TAG_DECORATION
                                            ")\\s*<<\\s*/MCID\\s+\\d+\\s*>>\\s*BDC",
                                            (GRegexCompileFlags)(G_REGEX_RAW | G_REGEX_OPTIMIZE),
                                            (GRegexMatchFlags)0, nullptr));

  changed = false;
  out.reserve (content.size () + 64);
  g_regex_match_full (regex, content.data (), content.size (), 0, (GRegexMatchFlags)0, &match,
                      nullptr);
  while (g_match_info_matches (match))
    {
      int from, to;
      char *name = g_match_info_fetch (match, 1);

      g_match_info_fetch_pos (match, 0, &from, &to);
      out.append (content, start, from - start);
      out.append (g_str_equal (name, TANDEM_PDF_TAG_PAGINATION)
                  ? "/Artifact << /Type /Pagination >> BDC"
                  : "/Artifact << /Type /Layout >> BDC");
      start = to;
      changed = true;
      g_free (name);
      g_match_info_next (match, nullptr);
    }
  g_match_info_free (match);
  out.append (content, start, std::string::npos);

  return out;
}

void
fix_content_stream (QPDFObjectHandle stream)
{
  if (!stream.isStream ())
    return;

  std::shared_ptr<Buffer> data = stream.getStreamData (qpdf_dl_generalized);
  std::string content ((const char *)data->getBuffer (), data->getSize ());
  bool changed;
  std::string fixed = replace_artifacts (content, changed);

  if (changed)
    stream.replaceStreamData (fixed, QPDFObjectHandle::newNull (), QPDFObjectHandle::newNull ());
}

void
fix_pages (QPDF &pdf)
{
  for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper (pdf).getAllPages ())
    {
      QPDFObjectHandle contents = page.getObjectHandle ().getKey ("/Contents");

      if (contents.isArray ())
        {
          for (int i = 0; i < contents.getArrayNItems (); i++)
            fix_content_stream (contents.getArrayItem (i));
        }
      else
        fix_content_stream (contents);
    }
}

} /* namespace */

/**
 * tandem_pdf_tags_apply:
 * @pdf_data: (array length=length): a PDF that cairo wrote with a structure tree
 *
 * Adds what cairo cannot write to a tagged PDF: see the comment at the top of this file.
 *
 * Returns: (transfer full) (nullable): the PDF with them, or %NULL with @error set
 */
GBytes *
tandem_pdf_tags_apply (const char           *pdf_data,
                       gsize                 length,
                       const TandemPdfTags  *tags,
                       GError              **error)
{
  std::shared_ptr<Buffer> output;

  try
    {
      QPDF pdf;
      Context context = { tags, 0, QPDFObjectHandle () };

      pdf.setSuppressWarnings (true);
      pdf.processMemoryFile ("appendix", pdf_data, length);

      QPDFObjectHandle root = pdf.getRoot ();
      root.replaceKey ("/Lang", QPDFObjectHandle::newUnicodeString (tags->lang ? tags->lang : "en-GB"));
      root.replaceKey ("/MarkInfo", QPDFObjectHandle::parse ("<< /Marked true >>"));
      root.replaceKey ("/ViewerPreferences", QPDFObjectHandle::parse ("<< /DisplayDocTitle true >>"));

      QPDFObjectHandle tree = root.getKey ("/StructTreeRoot");
      if (tree.isDictionary ())
        {
          context.scope = pdf.makeIndirectObject (
            QPDFObjectHandle::parse ("<< /O /Table /Scope /Column >>"));
          fix_element (context, wrap_in_document (pdf, tree));
          fix_parent_tree (tree);

          if (tags->figure_alts != nullptr && context.n_figures != tags->figure_alts->len)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The PDF has %u figures but %u descriptions of figures."),
                           context.n_figures, tags->figure_alts->len);
              return nullptr;
            }
        }

      fix_pages (pdf);

      /* Streams cairo compressed are copied as they are (decompressing and compressing again
       * every font and page would triple the time of an export); the content streams
       * rewritten above are uncompressed, and are compressed. The /ID is derived from the
       * content, so the same document gives the same bytes. */
      QPDFWriter writer (pdf);
      writer.setOutputMemory ();
      writer.setDeterministicID (true);
      writer.setDecodeLevel (qpdf_dl_none);
      writer.setCompressStreams (true);
      writer.setObjectStreamMode (qpdf_o_preserve);
      writer.setSuppressOriginalObjectIDs (true);
      writer.write ();
      output = writer.getBufferSharedPointer ();
    }
  catch (std::exception &e)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Tandem could not add the accessibility information to the PDF (%s). "
                     "Export it again; if it fails again, report it as a bug."), e.what ());
      return nullptr;
    }

  return g_bytes_new (output->getBuffer (), output->getSize ());
}
