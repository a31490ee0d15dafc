/* bench-journeys.c: painting, hit-testing, dragging and storing journey maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budgets (issue 4): one 1920×1080 frame of a 500-step map under 8 ms, and the cost of a
 * frame following what is visible rather than the size of the map (compare 500, 2,000 and
 * 10,000 steps at the same density). Also: hit-testing, a frame while dragging a card, the
 * layout after an edit, and open and save of 20 journeys × 2 maps × 150 steps.
 * Budget (issue 9): the print layout of a 500-step map (split between stages into A4 parts
 * at 7 pt, every part laid out) under 200 ms.
 * Prints medians; does not fail on time.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bench-util.h"
#include "tandem-flow.h"
#include "tandem-journey-fixture.h"
#include "tandem-journey-painter.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"

#define FRAME_WIDTH  1920
#define FRAME_HEIGHT 1080

typedef struct
{
  TandemJourneyFigure     *figure;
  TandemJourneyPainter    *painter;
  TandemJourneyPaintState  state;
  GHashTable              *selected;
  cairo_surface_t         *surface;
  cairo_t                 *cr;
  double                   x;
  double                   y;
  double                   zoom;
  guint                    frame;
  TandemStep              *dragged;
  GRand                   *rand;
  double                   width;
  double                   height;
} Frame;

static void
frame_init (Frame               *f,
            TandemJourneyFigure *figure)
{
  memset (f, 0, sizeof *f);
  f->figure = figure;
  f->painter = tandem_journey_painter_new ();
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  f->cr = cairo_create (f->surface);
  f->selected = g_hash_table_new (NULL, NULL);
  f->rand = g_rand_new_with_seed (4);
  f->zoom = 1.0;
  tandem_journey_paint_state_init (&f->state);
  f->state.selected = f->selected;
  tandem_journey_figure_get_size (figure, &f->width, &f->height);
}

static void
frame_clear (Frame *f)
{
  cairo_destroy (f->cr);
  cairo_surface_destroy (f->surface);
  g_hash_table_unref (f->selected);
  g_rand_free (f->rand);
  g_object_unref (f->painter);
}

/* One frame of the canvas: the background, then the figure seen through the window. */
static void
paint (Frame *f)
{
  cairo_save (f->cr);
  cairo_set_source_rgb (f->cr, 1, 1, 1);
  cairo_paint (f->cr);
  cairo_translate (f->cr, -f->x * f->zoom, -f->y * f->zoom);
  cairo_scale (f->cr, f->zoom, f->zoom);
  tandem_journey_painter_draw (f->painter, f->cr, f->figure, &f->state);
  cairo_restore (f->cr);
  cairo_surface_flush (f->surface);
}

static void
paint_frame (gpointer data)
{
  paint (data);
}

/* Scrolling: each frame a little further along, so new cards come into view. */
static void
paint_scrolling (gpointer data)
{
  Frame *f = data;

  f->x += 37;
  paint (f);
}

/* Dragging a card: where it would land (the snap) and a frame with it under the pointer. */
static void
paint_dragging (gpointer data)
{
  Frame *f = data;
  TandemJourneyLayout *layout = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_BEFORE);
  const TandemCardGeometry *card = tandem_journey_layout_find_card (layout, f->dragged);
  g_autoptr(GPtrArray) moving = g_ptr_array_new ();
  TandemJourneySnap snap;

  f->frame++;
  f->state.drag_dx = 11.0 * f->frame;
  f->state.drag_dy = 40.0 * sin (f->frame / 5.0);
  g_ptr_array_add (moving, f->dragged);
  f->state.show_drop = tandem_journey_layout_snap (layout, card->rect.x + card->rect.width / 2 + f->state.drag_dx,
                                                   card->rect.y + card->rect.height / 2 + f->state.drag_dy,
                                                   moving, &snap);
  f->state.drop = snap.marker;
  paint (f);
}

static void
hit_test_many (gpointer data)
{
  Frame *f = data;
  TandemJourneyHit hit;

  for (guint i = 0; i < 10000; i++)
    tandem_journey_figure_lookup (f->figure, g_rand_double_range (f->rand, 0, f->width),
                                  g_rand_double_range (f->rand, 0, f->height), 4, &hit);
}

static void
relayout (gpointer data)
{
  Frame *f = data;
  double width;

  tandem_journey_figure_invalidate (f->figure);
  tandem_journey_figure_get_size (f->figure, &width, NULL);
}

static void
bench_map (guint n_steps)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  /* The same density whatever the size: 20 steps to a stage. */
  TandemJourney *journey = tandem_test_large_journey (document, n_steps, n_steps / 20);
  g_autoptr(TandemJourneyFigure) figure = tandem_journey_figure_new (journey, TANDEM_JOURNEY_SHOW_BEFORE);
  TandemJourneyLayout *layout;
  g_autofree char *name = NULL;
  Frame f;
  gint64 start;

  start = g_get_monotonic_time ();
  frame_init (&f, figure);
  g_print ("\n%u steps: figure %.0f × %.0f points, laid out in %.1f ms\n", n_steps, f.width,
           f.height, (g_get_monotonic_time () - start) / 1000.0);

  layout = tandem_journey_figure_get_layout (figure, TANDEM_MAP_SIDE_BEFORE);
  f.dragged = tandem_journey_layout_get_card (layout, tandem_journey_layout_get_n_cards (layout) / 2)->step;
  g_hash_table_add (f.selected, f.dragged);
  f.state.focused = TANDEM_OBJECT (f.dragged);
  f.state.focus_visible = TRUE;

  /* A window's worth in the middle of the map, at 100%. */
  f.x = tandem_journey_layout_find_card (layout, f.dragged)->rect.x - FRAME_WIDTH / 2.0;
  f.y = 0;

  start = g_get_monotonic_time ();
  paint (&f);
  g_print ("%-44s %8.2f ms (routes connectors, shapes text)\n", "first frame", (g_get_monotonic_time () - start) / 1000.0);

  name = g_strdup_printf ("frame 1920×1080 at 100%%, %u steps", n_steps);
  bench_median_ms (name, 31, paint_frame, &f);
  g_clear_pointer (&name, g_free);

  name = g_strdup_printf ("scrolling frame, %u steps", n_steps);
  bench_median_ms (name, 31, paint_scrolling, &f);
  g_clear_pointer (&name, g_free);

  f.x = tandem_journey_layout_find_card (layout, f.dragged)->rect.x - FRAME_WIDTH / 2.0;
  f.state.dragging = TRUE;
  name = g_strdup_printf ("frame while dragging a card, %u steps", n_steps);
  bench_median_ms (name, 31, paint_dragging, &f);
  g_clear_pointer (&name, g_free);
  f.state.dragging = FALSE;
  f.state.show_drop = FALSE;

  /* Zoomed out to 25%: four times as much of the map in the frame. */
  f.zoom = 0.25;
  name = g_strdup_printf ("frame at 25%%, %u steps", n_steps);
  bench_median_ms (name, 11, paint_frame, &f);
  g_clear_pointer (&name, g_free);
  f.zoom = 1.0;

  name = g_strdup_printf ("10,000 hit-tests, %u steps", n_steps);
  bench_median_ms (name, 11, hit_test_many, &f);
  g_clear_pointer (&name, g_free);

  name = g_strdup_printf ("layout after an edit, %u steps", n_steps);
  bench_median_ms (name, 11, relayout, &f);
  g_clear_pointer (&name, g_free);

  frame_clear (&f);
}

typedef struct
{
  TandemJourney *journey;
  guint          n_parts;
} Print;

/* What the appendix does for a map: split it for A4 pages at 7 pt, then lay out each part. */
static void
print_layout (gpointer data)
{
  Print *print = data;
  TandemFlow *flow = tandem_flow_new (TANDEM_PAPER_A4);
  g_autoptr(TandemJourneyFigure) whole = tandem_journey_figure_new (print->journey,
                                                                    TANDEM_JOURNEY_SHOW_BEFORE);
  g_autoptr(GArray) parts = NULL;
  double width, height, scale;

  tandem_flow_get_figure_area (flow, &width, &height);
  tandem_flow_free (flow);
  tandem_journey_figure_set_print (whole, TRUE);
  scale = 7.0 / tandem_journey_figure_get_min_text_size (whole);
  parts = tandem_journey_figure_split (whole, width / scale, height / scale);

  for (guint k = 0; k < parts->len; k++)
    {
      const TandemStageRange *range = &g_array_index (parts, TandemStageRange, k);
      g_autoptr(TandemJourneyFigure) part = tandem_journey_figure_new (print->journey,
                                                                       TANDEM_JOURNEY_SHOW_BEFORE);

      tandem_journey_figure_set_print (part, TRUE);
      tandem_journey_figure_set_stage_range (part, range->first, range->n);
      tandem_journey_figure_get_size (part, &width, &height);
    }
  print->n_parts = parts->len;
}

static void
bench_print (guint n_steps,
             guint n_stages)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  Print print = { tandem_test_large_journey (document, n_steps, n_stages) };
  g_autofree char *name = NULL;

  print_layout (&print);
  name = g_strdup_printf ("print layout, %u steps in %u stages (%u A4)", n_steps, n_stages,
                          print.n_parts);
  bench_median_ms (name, 11, print_layout, &print);
}

static void
bench_storage (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "journeys.tandem", NULL);
  g_autoptr(TandemDocument) document = tandem_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < 20; i++)
    tandem_test_large_journey (document, 150, 6);

  g_print ("\n20 journeys × 2 maps × 150 steps: %u model objects\n",
           tandem_document_get_n_objects (document));
  bench_save_and_open ("save 20 journeys (atomic, with fsync)",
                       "open 20 journeys (checked, untrusted)", document, file, 11);

  tandem_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  bench_map (500);
  bench_map (2000);
  bench_map (10000);
  g_print ("\n");
  bench_print (500, 100);
  bench_print (500, 20);
  bench_storage ();

  return 0;
}
