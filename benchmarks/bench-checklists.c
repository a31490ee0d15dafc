/* bench-checklists.c: a project of 50 checklists of 100 questions, and a checklist of 500
 * questions shown and scrolled in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budget (issue 3): open, save, and showing and scrolling a 500-question checklist, each
 * under 100 ms. Prints medians; does not fail on time. The window part needs a display
 * (run under xvfb-run); without one it says so and measures the rest.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-page.h"
#include "tandem-checklist-section.h"
#include "tandem-evidence-link.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"

#define N_CHECKLISTS 50
#define N_SECTIONS   10
#define N_PER_SECTION 10
#define BIG_SECTIONS 25
#define BIG_PER_SECTION 20

typedef struct
{
  TandemDocument  *document;
  TandemChecklist *big;
  GFile           *file;
  GtkWidget       *window;
  GtkWidget       *page;
} Context;

/* Questions answered the way a real review goes: most answered, with evidence, owners and
 * due dates; some links; every answer in the audit trail. */
static TandemChecklist *
make_checklist (guint n_sections,
                guint n_per_section,
                guint number)
{
  TandemChecklist *checklist = tandem_checklist_new ();
  g_autofree char *title = g_strdup_printf ("Generated checklist %u", number);

  tandem_checklist_set_title (checklist, title);
  tandem_checklist_set_description (checklist, "A checklist generated for measurements, with "
                                               "questions of ordinary length.");
  tandem_checklist_set_template_id (checklist, "t1-board-assurance");
  tandem_checklist_set_template_version (checklist, 1);

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();
      g_autofree char *section_title = g_strdup_printf ("Section %u", s + 1);

      tandem_checklist_section_set_title (section, section_title);
      tandem_checklist_section_set_key (section, section_title);

      for (guint i = 0; i < n_per_section; i++)
        {
          g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();
          g_autofree char *key = g_strdup_printf ("q-%u-%u", s, i);
          g_autofree char *question = g_strdup_printf ("Question %u.%u: were the people affected "
                                                       "by the change involved, and did it make "
                                                       "a difference to the proposal?", s + 1, i + 1);

          tandem_checklist_item_set_key (item, key);
          tandem_checklist_item_set_question (item, question);
          tandem_checklist_item_set_guidance (item, "Look for outside-in insight behind the "
                                                    "proposal: complaints, feedback and patient "
                                                    "stories, surveys and forums, and outcome "
                                                    "data broken down by group.");
          tandem_list_append (tandem_checklist_section_get_items (section), item);
        }

      tandem_list_append (tandem_checklist_get_sections (checklist), section);
    }

  return checklist;
}

static void
answer_checklist (TandemDocument  *document,
                  TandemChecklist *checklist)
{
  TandemList *sections = tandem_checklist_get_sections (checklist);
  guint n = 0;

  if (document != NULL)
    tandem_document_begin (document, "Answers");
  for (guint s = 0; s < tandem_list_get_n (sections); s++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, s));

      for (guint i = 0; i < tandem_list_get_n (items); i++, n++)
        {
          TandemChecklistItem *item = tandem_list_get (items, i);

          if (n % 4 == 3)
            continue;

          tandem_checklist_item_set_status (item, 2 + n % 4);
          tandem_checklist_item_set_evidence (item, "Section 3 of the business case, the "
                                                    "engagement report and the minutes of the "
                                                    "programme board of 3 May.");
          tandem_checklist_item_set_owner (item, n % 3 ? "Engagement lead" : "Programme director");
          tandem_checklist_item_set_due_date (item, n % 5 ? "2026-12-15" : "2026-01-10");
          if (n % 10 == 0)
            {
              g_autoptr(TandemEvidenceLink) link = tandem_evidence_link_new ();

              tandem_evidence_link_set_uri (link, "https://example.org/engagement-report.pdf");
              tandem_list_append (tandem_checklist_item_get_links (item), link);
            }
        }
    }
  if (document != NULL)
    tandem_document_commit (document);
}

/* With @audited, answers are given in the document, so each one is in the audit trail as in
 * real use (about four entries per answered question); without, the checklists are answered
 * before they are added, which leaves the trail empty. */
static void
build (Context  *context,
       gboolean  audited)
{
  TandemDocument *document = tandem_document_new_project ();

  tandem_document_set_fixed_time (document, "2026-11-23T10:00:00Z");
  tandem_document_set_reviewer (document, "Benchmark reviewer");

  for (guint c = 0; c <= N_CHECKLISTS; c++)
    {
      gboolean big = c == N_CHECKLISTS;
      g_autoptr(TandemChecklist) checklist = big ? make_checklist (BIG_SECTIONS, BIG_PER_SECTION, 500)
                                                 : make_checklist (N_SECTIONS, N_PER_SECTION, c + 1);

      if (!audited)
        answer_checklist (NULL, checklist);

      tandem_document_begin (document, "Add");
      tandem_list_append (tandem_document_get_checklists (document), checklist);
      tandem_document_commit (document);

      if (audited)
        answer_checklist (document, checklist);
      if (big)
        context->big = checklist;
    }

  context->document = document;
}

/* The window */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static void
show_once (gpointer data)
{
  Context *context = data;

  context->page = tandem_checklist_page_new (context->big);
  adw_window_set_content (ADW_WINDOW (context->window), context->page);
  gtk_test_widget_wait_for_draw (context->window);
}

static void
hide_page (Context *context)
{
  adw_window_set_content (ADW_WINDOW (context->window), NULL);
  context->page = NULL;
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static guint
count_rows (GtkWidget *list_view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
measure_window (Context *context)
{
  GtkAdjustment *adjustment;
  GtkWidget *list_view;
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (double));
  guint max_rows = 0;
  gint64 start;
  double total;

  context->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (context->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (context->window));
  while (!gtk_widget_get_mapped (context->window))
    g_main_context_iteration (NULL, TRUE);

  /* Showing: the page built, laid out and drawn, from nothing, several times. */
  for (guint i = 0; i < 3; i++)
    {
      show_once (context);
      hide_page (context);
    }
  {
    g_autofree double *times = g_new0 (double, 9);

    for (guint i = 0; i < 9; i++)
      {
        gint64 t = g_get_monotonic_time ();

        show_once (context);
        times[i] = (g_get_monotonic_time () - t) / 1000.0;
        if (i < 8)
          hide_page (context);
      }
    g_array_set_size (steps, 0);
    g_array_append_vals (steps, times, 9);
    g_array_sort (steps, compare_doubles);
    g_print ("%-44s median %8.2f ms   (min %.2f, max %.2f, 9 runs)\n",
             "show a checklist of 500 questions", g_array_index (steps, double, 4),
             g_array_index (steps, double, 0), g_array_index (steps, double, 8));
  }

  list_view = tandem_checklist_page_get_list_view (TANDEM_CHECKLIST_PAGE (context->page));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list_view, GTK_TYPE_SCROLLED_WINDOW)));
  {
    GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (context->window));

    g_print ("%-44s %s (GSK_RENDERER=cairo to compare)\n", "renderer",
             renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");
  }
  g_print ("%-44s %u of %u rows built\n", "only the visible rows are built",
           count_rows (list_view), BIG_SECTIONS * (BIG_PER_SECTION + 1));

  /* Scrolling: a page down at a time to the end, each step drawn. */
  g_array_set_size (steps, 0);
  start = g_get_monotonic_time ();
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      gint64 t = g_get_monotonic_time ();
      double step;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      gtk_test_widget_wait_for_draw (context->window);
      step = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (steps, step);
      max_rows = MAX (max_rows, count_rows (list_view));
    }
  total = (g_get_monotonic_time () - start) / 1000.0;
  g_array_sort (steps, compare_doubles);
  g_print ("%-44s median %8.2f ms   (min %.2f, max %.2f, %u pages; %.0f ms top to bottom)\n",
           "scroll a page of the 500 questions", g_array_index (steps, double, steps->len / 2),
           g_array_index (steps, double, 0), g_array_index (steps, double, steps->len - 1),
           steps->len, total);
  g_print ("%-44s at most %u of %u rows built at any time\n", "while scrolling", max_rows,
           BIG_SECTIONS * (BIG_PER_SECTION + 1));

  /* Jumping from the end back to the top. */
  {
    gint64 t = g_get_monotonic_time ();

    gtk_adjustment_set_value (adjustment, 0);
    gtk_test_widget_wait_for_draw (context->window);
    g_print ("%-44s          %8.2f ms\n", "jump from the end to the top",
             (g_get_monotonic_time () - t) / 1000.0);
  }

  /* Answering one question with the page showing: the header, rows and sidebar update. */
  g_array_set_size (steps, 0);
  for (guint i = 0; i < 9; i++)
    {
      TandemChecklistItem *item = tandem_checklist_page_get_selected_item (TANDEM_CHECKLIST_PAGE (context->page));
      gint64 t = g_get_monotonic_time ();
      double step;

      tandem_document_begin (context->document, "Answer");
      tandem_checklist_item_set_status (item, i % 2 ? TANDEM_ITEM_STATUS_MET : TANDEM_ITEM_STATUS_NOT_MET);
      tandem_document_commit (context->document);
      gtk_test_widget_wait_for_draw (context->window);
      step = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (steps, step);
    }
  g_array_sort (steps, compare_doubles);
  g_print ("%-44s median %8.2f ms   (min %.2f, max %.2f, 9 runs)\n",
           "answer a question, page redrawn", g_array_index (steps, double, 4),
           g_array_index (steps, double, 0), g_array_index (steps, double, 8));

  hide_page (context);
  gtk_window_destroy (GTK_WINDOW (context->window));
  g_array_unref (steps);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "checklists.tandem", NULL);
  Context context = { NULL, };
  GStatBuf st;

  context.file = g_file_new_for_path (path);

  /* First without the audit trail, to show what it costs; then as in real use. */
  build (&context, FALSE);
  if (!tandem_storage_save (context.document, context.file, NULL, NULL))
    g_error ("could not save %s", path);
  g_stat (path, &st);
  g_print ("answers only: %u checklists (%u of 100 questions, one of 500), %u model objects, "
           "%.1f MiB on disk\n", N_CHECKLISTS + 1, N_CHECKLISTS,
           tandem_document_get_n_objects (context.document), st.st_size / 1048576.0);
  bench_save_and_open ("save, answers only", "open, answers only", context.document,
                       context.file, 9);
  g_object_unref (context.document);

  build (&context, TRUE);
  if (!tandem_storage_save (context.document, context.file, NULL, NULL))
    g_error ("could not save %s", path);
  g_stat (path, &st);
  g_print ("as reviewed: the same with every answer in the audit trail, %u model objects, "
           "%.1f MiB on disk\n", tandem_document_get_n_objects (context.document),
           st.st_size / 1048576.0);
  bench_save_and_open ("save 50 checklists of 100 questions",
                       "open 50 checklists of 100 questions", context.document, context.file, 9);

  if (gtk_init_check ())
    {
      adw_init ();
      measure_window (&context);
    }
  else
    {
      g_print ("%-44s skipped: no display (run under xvfb-run)\n", "show and scroll 500 questions");
    }

  g_object_unref (context.document);
  g_object_unref (context.file);
  tandem_test_remove_tree (dir);

  return 0;
}
