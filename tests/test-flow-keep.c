/* test-flow-keep.c: no heading, caption or table header alone at the foot of a page, and no
 * single line of a paragraph alone at the foot or the top of a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tandem-flow.h"
#include "tandem-test-util.h"

/*
 * The appendix's own content moves whenever its wording or the sample project changes, so a
 * check on it may pass only because nothing happens to fall at a page's foot. Here the
 * document is built so that it does: each case starts on a new page, pushes what follows
 * down by a space that grows in steps of 1.5 points (finer than a line, 13.6 points), and
 * then adds a heading and its paragraph, a paragraph alone, or a table with or without a
 * caption. Across the steps each of them starts at every line's position near the foot, so
 * without the keep rules some heading, caption or header row is left at a foot and some
 * paragraph leaves one line behind or carries one line over. Each rule of place_text() and
 * place_table() switched off on its own makes this test fail. The pages are read back from
 * the PDF with pdftotext.
 */

#define SPACE_FROM 480.0
#define SPACE_TO   705.0
#define SPACE_STEP 1.5

static const char *const kinds[] = { "A", "B", "C", "D" };

static void
add_paragraph (TandemFlow *flow,
               const char *kind)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Five lines, each one named, so that pdftotext says which lines are on which page. */
  for (guint line = 1; line <= 5; line++)
    g_string_append_printf (text, "%s%u this line belongs to the paragraph of its case%s", kind,
                            line, line < 5 ? "\n" : "");
  tandem_flow_text (flow, TANDEM_FLOW_BODY, text->str);
}

static TandemFlow *
build_flow (guint *n_cases)
{
  TandemFlow *flow = tandem_flow_new (TANDEM_PAPER_A4);
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (double space = SPACE_FROM; space <= SPACE_TO; space += SPACE_STEP, n++)
      {
        g_autofree char *label = g_strdup_printf ("CASE-%s-%.1f", kinds[k], space);

        tandem_flow_page_break (flow);
        tandem_flow_text (flow, TANDEM_FLOW_BODY, label);
        tandem_flow_space (flow, space);

        if (k == 0)
          {
            /* A heading with its paragraph. */
            tandem_flow_heading (flow, 2, "KEEPHEAD a heading that must not end a page", FALSE);
            add_paragraph (flow, "A");
          }
        else if (k == 1)
          {
            /* A paragraph on its own: at least two lines on each page it is on. */
            add_paragraph (flow, "B");
          }
        else
          {
            /* C: a captioned table: neither the caption nor the header row alone at a foot. */
            const double fractions[] = { 0.5, 0.5 };
            const char *header[] = { "HEADCOL", "Other" };
            /* D: the same table without a caption: its header row not alone at a foot. */
            TandemFlowTable *table = tandem_flow_table_new (2, fractions,
                                                            k == 2 ? "CAPTIONMARK a table" : NULL);

            tandem_flow_table_add_row (table, TRUE, header, NULL);
            for (guint row = 1; row <= 3; row++)
              {
                g_autofree char *first = g_strdup_printf ("C%u", row);
                const char *cells[] = { first, "cell" };

                tandem_flow_table_add_row (table, FALSE, cells, NULL);
              }
            tandem_flow_table (flow, table);
          }
      }

  *n_cases = n;

  return flow;
}

/* The text of each page of @path, without blank lines and the "Page X of Y" footer. */
static GPtrArray *
page_lines (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  pages = g_strsplit (out, "\f", -1);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autofree char *line = g_strstrip (g_strdup (lines[l]));

          if (line[0] == '\0' || g_str_has_prefix (line, "Page "))
            continue;
          g_ptr_array_add (kept, g_steal_pointer (&line));
        }
      if (kept->len > 0 || pages[p + 1] != NULL)
        g_ptr_array_add (result, kept);
      else
        g_ptr_array_unref (kept);
    }

  return result;
}

/* How many lines of the paragraph of @kind (A1 … A5) are on @page. */
static guint
paragraph_lines_on (GPtrArray  *page,
                    const char *kind)
{
  guint n = 0;

  for (guint l = 0; l < page->len; l++)
    {
      const char *line = g_ptr_array_index (page, l);

      if (line[0] == kind[0] && line[1] >= '1' && line[1] <= '5' && line[2] == ' ')
        n++;
    }

  return n;
}

static void
test_nothing_alone (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "keep.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GString) stranded = g_string_new (NULL);
  TandemFlow *flow;
  guint n_cases, n_split = 0, n_moved = 0;
  const char *current = NULL;
  guint previous_lines[2] = { 0, 0 };  /* lines of A and B on the page before */

  if (pdftotext == NULL)
    {
      g_test_incomplete ("pdftotext is needed to read the pages back (poppler-utils)");
      return;
    }

  flow = build_flow (&n_cases);
  g_assert_true (tandem_flow_write_pdf (flow, path, NULL, &error));
  g_assert_no_error (error);
  tandem_flow_free (flow);

  pages = page_lines (path);
  g_assert_cmpuint (pages->len, >, n_cases);

  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *page = g_ptr_array_index (pages, p);
      const char *last = page->len > 0 ? g_ptr_array_index (page, page->len - 1) : "";
      const char *first = page->len > 0 ? g_ptr_array_index (page, 0) : "";
      gboolean new_case = g_str_has_prefix (first, "CASE-");

      if (new_case)
        {
          current = first;
          previous_lines[0] = previous_lines[1] = 0;
        }
      else if (g_str_has_prefix (first, "KEEPHEAD") || strstr (first, "CAPTIONMARK") != NULL)
        n_moved++;  /* the case pushed it over: it starts the next page, with what follows */

      if (g_str_has_prefix (last, "KEEPHEAD") || strstr (last, "CAPTIONMARK") != NULL ||
          g_str_has_prefix (last, "HEADCOL"))
        g_string_append_printf (stranded, "%s: “%s” alone at the foot of page %u\n", current,
                                last, p + 1);

      for (guint k = 0; k < 2; k++)
        {
          guint here = paragraph_lines_on (page, kinds[k]);

          if (here > 0 && previous_lines[k] > 0)
            {
              /* The paragraph goes over from the page before. */
              n_split++;
              if (previous_lines[k] < 2)
                g_string_append_printf (stranded, "%s: one line alone at the foot of page %u\n",
                                        current, p);
              if (here < 2)
                g_string_append_printf (stranded, "%s: one line alone at the top of page %u\n",
                                        current, p + 1);
            }
          previous_lines[k] = here;
        }
    }

  if (stranded->len > 0)
    g_test_message ("%s", stranded->str);
  g_assert_cmpstr (stranded->str, ==, "");

  /* The cases did put things at the foot: paragraphs were split and headings moved on. */
  g_assert_cmpuint (n_split, >, 5);
  g_assert_cmpuint (n_moved, >, 5);

  tandem_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow/keep/nothing-alone-at-a-foot-or-top", test_nothing_alone);

  return g_test_run ();
}
