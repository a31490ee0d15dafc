/* tandem-pdf-tags.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tag names the flow gives cairo for content that is not part of the document's text:
 * running headers and footers, and decorative marks. The post-processor turns them into
 * artifacts. They are names cairo 1.16 accepts (it refuses structure types it does not know,
 * "Artifact" among them) and that the flow uses for nothing else. */
#define TANDEM_PDF_TAG_PAGINATION "Private"
#define TANDEM_PDF_TAG_DECORATION "NonStruct"

typedef struct
{
  const char *lang;          /* "en-GB" */
  GPtrArray  *figure_alts;   /* (element-type utf8): /Alt of each Figure, in drawing order */
} TandemPdfTags;

GBytes *tandem_pdf_tags_apply (const char           *pdf,
                               gsize                 length,
                               const TandemPdfTags  *tags,
                               GError              **error);

G_END_DECLS
