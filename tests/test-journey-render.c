/* test-journey-render.c: the journey painter against reference images, and exported files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tandem-flow.h"
#include "tandem-journey-export.h"
#include "tandem-journey-fixture.h"
#include "tandem-journey-measures.h"
#include "tandem-journey-metrics.h"
#include "tandem-journey-painter.h"
#include "tandem-quote.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"

/*
 * The references are small PNGs in tests/reference, drawn with the fonts of tests/fonts.conf
 * (DejaVu and Noto from Debian's fonts-dejavu-core and fonts-noto-core), so they match on
 * any machine with those packages. A difference within a tolerance passes: antialiasing
 * differs a little between FreeType versions. To draw them again after a deliberate change:
 *
 *   TANDEM_UPDATE_REFERENCES=1 meson test -C _build test-journey-render
 *
 * and look at them before committing.
 */

#define MAX_CHANNEL_DIFFERENCE 64
#define MAX_DIFFERENT_FRACTION 0.004

/* Rendering */

static cairo_surface_t *
render (TandemJourneyFigure           *figure,
        const TandemJourneyPaintState *state,
        double                         x,
        double                         y,
        int                            width,
        int                            height,
        double                         scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  TandemJourneyPainter *painter = tandem_journey_painter_new ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x, -y);
  tandem_journey_painter_draw (painter, cr, figure, state);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_object_unref (painter);

  return surface;
}

static void
compare_with_reference (cairo_surface_t *actual,
                        const char      *name)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", file, NULL);
  cairo_surface_t *expected;
  int width, height, stride_a, stride_e;
  guint8 *a, *e;
  guint different = 0;
  double total = 0;

  cairo_surface_flush (actual);

  if (g_getenv ("TANDEM_UPDATE_REFERENCES") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("Wrote %s", path);
      return;
    }

  expected = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("Cannot read the reference image %s", path);

  width = cairo_image_surface_get_width (actual);
  height = cairo_image_surface_get_height (actual);
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, height);

  a = cairo_image_surface_get_data (actual);
  e = cairo_image_surface_get_data (expected);
  stride_a = cairo_image_surface_get_stride (actual);
  stride_e = cairo_image_surface_get_stride (expected);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = ((guint32 *)(gpointer)(a + y * stride_a))[x];
        guint32 pe = ((guint32 *)(gpointer)(e + y * stride_e))[x];
        int worst = 0;

        for (int c = 0; c < 3; c++)
          {
            int d = abs ((int)((pa >> (8 * c)) & 0xff) - (int)((pe >> (8 * c)) & 0xff));

            worst = MAX (worst, d);
            total += d;
          }
        if (worst > MAX_CHANNEL_DIFFERENCE)
          different++;
      }

  g_test_message ("%s: %u of %d pixels differ, mean difference %.3f", name, different,
                  width * height, total / (3.0 * width * height));

  if (different > MAX_DIFFERENT_FRACTION * width * height)
    {
      g_autofree char *actual_file = g_strdup_printf ("%s-actual.png", name);
      g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, actual_file, NULL);

      cairo_surface_write_to_png (actual, actual_path);
      g_error ("%s differs from its reference in %u pixels; see %s", name, different, actual_path);
    }

  cairo_surface_destroy (expected);
}

static TandemJourney *
scripts_journey (TandemDocument *document)
{
  TandemJourney *journey = tandem_test_add_journey (document, "Scripts");
  TandemStep *s;
  g_autoptr(TandemQuote) quote = tandem_quote_new ();

  tandem_document_begin (document, "Fill");
  tandem_lane_set_title (tandem_list_get (tandem_journey_get_lanes (journey), 0),
                         "المريض والعائلة");
  tandem_stage_set_title (tandem_list_get (tandem_journey_get_stages (journey), 1),
                          "Getting help, which in this journey takes a very long time indeed");

  s = tandem_test_add_step (journey, TANDEM_MAP_SIDE_BEFORE, 0, 0, 0,
                            "يتصل الوالد بالطبيب ولا أحد يجيب");
  tandem_step_set_role (s, "الوالد");
  tandem_step_set_place (s, "المنزل");
  tandem_step_set_feeling (s, TANDEM_FEELING_BAD);
  tandem_step_set_wait_minutes (s, 45);

  s = tandem_test_add_step (journey, TANDEM_MAP_SIDE_BEFORE, 1, 1, 0,
                            "A title long enough to wrap onto a second line and then to be cut "
                            "short with an ellipsis, as a workshop sometimes writes");
  tandem_step_set_role (s, "Receptionist at the practice with a very long job title");
  tandem_step_set_place (s, "Riverside Medical Centre, Upper Floor, Room 12");
  tandem_step_set_wait_minutes (s, 2 * 1440 + 240);
  tandem_step_set_duration_minutes (s, 95);
  tandem_step_set_feeling (s, TANDEM_FEELING_VERY_BAD);
  tandem_step_set_pain_point (s, TRUE);
  tandem_step_set_touchpoint (s, TRUE);
  tandem_quote_set_text (quote, "Nobody told us anything.");
  tandem_list_append (tandem_step_get_quotes (s), quote);

  s = tandem_test_add_step (journey, TANDEM_MAP_SIDE_BEFORE, 2, 2, 0, "המטופל מגיע למרפאה");
  tandem_step_set_feeling (s, TANDEM_FEELING_GOOD);
  s = tandem_test_add_step (journey, TANDEM_MAP_SIDE_BEFORE, 2, 0, 1, "मरीज़ घर लौटता है");
  tandem_step_set_feeling (s, TANDEM_FEELING_VERY_GOOD);
  s = tandem_test_add_step (journey, TANDEM_MAP_SIDE_BEFORE, 3, 0, 0, "");
  tandem_document_commit (document);

  return journey;
}

static void
test_reference_before (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  g_autoptr(TandemJourneyFigure) figure = tandem_journey_figure_new (journey, TANDEM_JOURNEY_SHOW_BEFORE);
  cairo_surface_t *surface;

  /* The start of the before map, through the loop back and its label: a clip of the figure,
   * as the canvas draws it. */
  surface = render (figure, NULL, 380, 60, 900, 520, 1.0);
  compare_with_reference (surface, "journey-before");
  cairo_surface_destroy (surface);
}

/* Several voices per step: cards show the spread of the votes, the emotion curve the median
 * with a shaded band from the lowest to the highest vote. Votes on three neighbouring steps of
 * the before map: a room split on the nurse, agreed on the queue, and one step with a single
 * voice, drawn as it always was. */
static void
test_reference_votes (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMap *before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(TandemJourneyFigure) figure = tandem_journey_figure_new (journey, TANDEM_JOURNEY_SHOW_BEFORE);
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  TandemStep *queue = g_ptr_array_index (ordered, 3);
  TandemStep *nurse = g_ptr_array_index (ordered, 4);
  TandemStep *told = g_ptr_array_index (ordered, 5);
  cairo_rectangle_t emotion;
  cairo_rectangle_t card;
  cairo_surface_t *surface;

  g_assert_cmpstr (tandem_step_get_title (nurse), ==, "Seen by a nurse");
  tandem_step_add_vote (nurse, TANDEM_FEELING_VERY_BAD, "Parent A");
  tandem_step_add_vote (nurse, TANDEM_FEELING_GOOD, "Parent B");
  tandem_step_add_vote (nurse, TANDEM_FEELING_GOOD, NULL);
  tandem_step_add_vote (nurse, TANDEM_FEELING_VERY_GOOD, NULL);
  tandem_step_add_vote (queue, TANDEM_FEELING_VERY_BAD, NULL);
  tandem_step_add_vote (queue, TANDEM_FEELING_BAD, NULL);
  tandem_step_add_vote (told, TANDEM_FEELING_VERY_BAD, NULL);
  tandem_step_add_vote (told, TANDEM_FEELING_NEUTRAL, NULL);
  tandem_step_add_vote (told, TANDEM_FEELING_VERY_BAD, NULL);

  /* From the queue's card down through the emotion curve under it and the next two. */
  g_assert_true (tandem_journey_figure_get_step_rect (figure, queue, &card));
  tandem_journey_layout_get_emotion_rect (tandem_journey_figure_get_layout (figure,
                                                                            TANDEM_MAP_SIDE_BEFORE),
                                          &emotion);
  surface = render (figure, NULL, card.x - 30, card.y - 20, 1000,
                    (int)(emotion.y + emotion.height - card.y + 40), 1.0);
  compare_with_reference (surface, "journey-votes");
  cairo_surface_destroy (surface);
}

static void
test_reference_scripts (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = scripts_journey (document);
  g_autoptr(TandemJourneyFigure) figure = tandem_journey_figure_new (journey, TANDEM_JOURNEY_SHOW_BEFORE);
  cairo_surface_t *surface;

  /* Right-to-left and other scripts, wrapping and ellipsis, a step with no title. */
  tandem_journey_figure_set_show_title (figure, TRUE);
  surface = render (figure, NULL, 0, 0, 1100, 560, 0.8);
  compare_with_reference (surface, "journey-scripts");
  cairo_surface_destroy (surface);
}

static void
test_reference_dark_selection (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  g_autoptr(TandemJourneyFigure) figure = tandem_journey_figure_new (journey, TANDEM_JOURNEY_SHOW_AFTER);
  TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, TANDEM_MAP_SIDE_AFTER);
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  TandemJourneyPaintState state;
  cairo_surface_t *surface;

  /* The canvas in the dark style: a selected step with the focus ring, a hovered one, a step
   * being dragged with where it would land, and a connector being drawn. */
  tandem_journey_paint_state_init (&state);
  tandem_journey_palette_init (&state.palette, TRUE, FALSE);
  g_hash_table_add (selected, tandem_journey_layout_get_card (layout, 1)->step);
  state.selected = selected;
  state.focused = TANDEM_OBJECT (tandem_journey_layout_get_card (layout, 1)->step);
  state.focus_visible = TRUE;
  state.hovered = TANDEM_OBJECT (tandem_journey_layout_get_card (layout, 3)->step);
  state.dragging = TRUE;
  state.drag_dx = 40;
  state.drag_dy = 120;
  state.show_drop = TRUE;
  state.drop = (cairo_rectangle_t) { 745, 240, 4, 126 };

  surface = render (figure, &state, 0, 40, 1000, 600, 0.9);
  compare_with_reference (surface, "journey-dark");
  cairo_surface_destroy (surface);
}

static void
test_reference_high_contrast_both (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  g_autoptr(TandemJourneyFigure) figure = tandem_journey_figure_new (journey, TANDEM_JOURNEY_SHOW_BOTH);
  TandemJourneyPaintState state;
  cairo_surface_t *surface;
  double width, height;

  /* Both maps, one above the other with "replaced by" links, and the key, in high contrast,
   * small enough to see whole. */
  tandem_journey_figure_set_arrangement (figure, TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW);
  tandem_journey_figure_get_size (figure, &width, &height);
  tandem_journey_paint_state_init (&state);
  tandem_journey_palette_init (&state.palette, FALSE, TRUE);

  surface = render (figure, &state, 0, 0, (int)ceil (width * 0.4), (int)ceil (height * 0.4), 0.4);
  compare_with_reference (surface, "journey-both");
  cairo_surface_destroy (surface);
}

/* Exports */

static char *
read_head (const char *path,
           gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static gboolean
run (const char *const *argv,
     char              **out,
     char              **err,
     int                *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, status,
                     &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return FALSE;
    }

  return TRUE;
}

/* The value of "Key:   value" in pdfinfo's output. */
static const char *
info_field (const char *info,
            const char *key)
{
  static char value[256];
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
        {
          g_strlcpy (value, lines[i] + strlen (key) + 1, sizeof value);
          return g_strstrip (value);
        }
    }

  return "";
}

static void
check_pdf (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  const char *pdfinfo[] = { "pdfinfo", path, NULL };
  const char *qpdf[] = { "qpdf", "--check", path, NULL };
  g_autofree char *have_pdfinfo = tandem_test_require_program ("pdfinfo", "poppler-utils");
  g_autofree char *have_qpdf = have_pdfinfo ? tandem_test_require_program ("qpdf", "qpdf") : NULL;

  if (have_qpdf == NULL)
    return;

  g_assert_true (run (pdfinfo, &out, &err, &status));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (info_field (out, "Pages"), ==, "1");
  g_assert_cmpstr (info_field (out, "Title"), ==, "Journey map: A feverish child");
  g_assert_true (g_str_has_prefix (info_field (out, "Creator"), "Tandem "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (run (qpdf, &out, &err, &status));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf --check failed: %s %s", out, err);
}

static void
test_export_files (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  g_autofree char *dir = tandem_test_make_temp_dir ();
  const char *names[] = { "map.png", "map.svg", "map.pdf", "MAP.PNG" };
  TandemJourneyExportOptions options;

  tandem_journey_export_options_init (&options);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      options.show = i == 1 ? TANDEM_JOURNEY_SHOW_AFTER : TANDEM_JOURNEY_SHOW_BOTH;
      g_assert_true (tandem_journey_export (journey, file, &options, &error));
      g_assert_no_error (error);

      contents = read_head (path, &length);
      g_assert_cmpuint (length, >, 1000);

      if (g_str_has_suffix (path, ".png") || g_str_has_suffix (path, ".PNG"))
        {
          cairo_surface_t *image = cairo_image_surface_create_from_png (path);

          g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
          g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
          /* Two pixels a point, for slides. */
          g_assert_cmpint (cairo_image_surface_get_width (image), >, 2000);
          cairo_surface_destroy (image);
        }
      else if (g_str_has_suffix (path, ".svg"))
        {
          g_autoptr(GMarkupParseContext) context = NULL;
          GMarkupParser parser = { 0 };

          g_assert_true (g_str_has_prefix (contents, "<?xml"));
          g_assert_nonnull (strstr (contents, "<svg"));
          context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
          g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
          g_assert_true (g_markup_parse_context_end_parse (context, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          check_pdf (path);
        }
    }

  tandem_test_remove_tree (dir);
}

static void
test_export_refused (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourney *huge = tandem_test_large_journey (document, 400, 1);
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *jpeg = g_build_filename (dir, "map.jpg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.png", NULL);
  g_autofree char *existing = g_build_filename (dir, "kept.png", NULL);
  g_autoptr(GFile) jpeg_file = g_file_new_for_path (jpeg);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *kept = NULL;
  TandemJourneyExportOptions options;

  g_assert_false (tandem_journey_export (journey, jpeg_file, NULL, &error));
  g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));
  g_clear_error (&error);

  g_assert_false (tandem_journey_export (journey, missing_file, NULL, &error));
  g_assert_nonnull (strstr (error->message, "map.png"));
  g_clear_error (&error);

  /* An export that fails leaves the file it would have replaced as it was. */
  tandem_journey_export_options_init (&options);
  options.show = TANDEM_JOURNEY_SHOW_BEFORE;
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_false (tandem_journey_export (huge, existing_file, &options, &error));
  g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old");

  /* Nothing half-written is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL;)
    g_assert_cmpstr (name, ==, "kept.png");

  tandem_test_remove_tree (dir);
}

static void
test_export_too_large_for_png (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_large_journey (document, 400, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TandemJourneyExportOptions options;

  tandem_journey_export_options_init (&options);
  options.show = TANDEM_JOURNEY_SHOW_BEFORE;
  bytes = tandem_journey_render (journey, TANDEM_IMAGE_FORMAT_PNG, &options, &error);
  g_assert_null (bytes);
  g_assert_nonnull (strstr (error->message, "too large for a PNG"));
  g_assert_nonnull (strstr (error->message, "SVG or PDF"));
  g_clear_error (&error);

  /* As PDF it is fine: it is split into pages (see below). */
  bytes = tandem_journey_render (journey, TANDEM_IMAGE_FORMAT_PDF, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
}

/* Print layout: the appendix's figures */

#define MIN_PRINT_POINTS 7.0

static TandemDocument *
load_sample (void)
{
  const char *sample = g_getenv ("TANDEM_SAMPLE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TandemDocument *document;

  if (sample == NULL)
    return NULL;

  file = g_file_new_for_path (sample);
  document = tandem_storage_load (file, NULL, &error);
  g_assert_no_error (error);

  return document;
}

/* The parts of a map on pages of @paper, as the appendix splits it, at the scale where its
 * smallest text is 7 pt; each part's size in points on the page in @sizes. */
static GArray *
split_for_paper (TandemJourney *journey,
                 TandemMapSide  side,
                 TandemPaper    paper,
                 double        *scale_out)
{
  TandemFlow *flow = tandem_flow_new (paper);
  g_autoptr(TandemJourneyFigure) figure = tandem_journey_figure_new (journey,
                                                                     side == TANDEM_MAP_SIDE_BEFORE
                                                                     ? TANDEM_JOURNEY_SHOW_BEFORE
                                                                     : TANDEM_JOURNEY_SHOW_AFTER);
  double width, height, scale;
  GArray *parts;

  tandem_flow_get_figure_area (flow, &width, &height);
  tandem_flow_free (flow);
  tandem_journey_figure_set_print (figure, TRUE);
  scale = MIN_PRINT_POINTS / tandem_journey_figure_get_min_text_size (figure);
  parts = tandem_journey_figure_split (figure, width / scale, height / scale);
  *scale_out = scale;

  return parts;
}

static void
test_print_sample_fits_a4 (void)
{
  g_autoptr(TandemDocument) document = load_sample ();
  TandemJourney *journey;
  TandemMapSide sides[] = { TANDEM_MAP_SIDE_BEFORE, TANDEM_MAP_SIDE_AFTER };
  guint n_steps[] = { 10, 8 };

  if (document == NULL)
    {
      g_test_skip ("Run through meson test, which says where the sample is");
      return;
    }

  journey = tandem_list_get (tandem_document_get_journeys (document), 0);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autoptr(GArray) parts = NULL;
      g_autoptr(TandemJourneyFigure) figure = NULL;
      TandemJourneyLayout *layout;
      double scale, width, height, area_width, area_height;
      TandemFlow *flow = tandem_flow_new (TANDEM_PAPER_A4);

      g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (tandem_journey_get_map (journey, sides[i]))),
                        ==, n_steps[i]);
      parts = split_for_paper (journey, sides[i], TANDEM_PAPER_A4, &scale);

      /* The whole map at that scale is within one page's figure area, and every text of it
       * (the cards' all of the smallest size) is 7 pt or more. */
      figure = tandem_journey_figure_new (journey, i == 0 ? TANDEM_JOURNEY_SHOW_BEFORE
                                                          : TANDEM_JOURNEY_SHOW_AFTER);
      tandem_journey_figure_set_print (figure, TRUE);
      tandem_journey_figure_get_size (figure, &width, &height);
      tandem_flow_get_figure_area (flow, &area_width, &area_height);
      tandem_flow_free (flow);
      g_test_message ("%s map: %.0f x %.0f units, %.0f x %.0f pt of %.0f x %.0f",
                      i == 0 ? "before" : "after", width, height, width * scale, height * scale,
                      area_width, area_height);
      g_assert_cmpuint (parts->len, ==, 1);
      g_assert_cmpfloat (width * scale, <=, area_width);
      g_assert_cmpfloat (height * scale, <=, area_height);
      g_assert_true (tandem_journey_figure_text_legible_at (figure, scale, MIN_PRINT_POINTS));
      g_assert_cmpfloat (TANDEM_JOURNEY_FONT_SMALL * scale, >=, MIN_PRINT_POINTS - 1e-9);

      /* Every card is whole, and printed. */
      layout = tandem_journey_figure_get_layout (figure, sides[i]);
      g_assert_cmpuint (tandem_journey_layout_get_n_cards (layout), ==, n_steps[i]);
      for (guint k = 0; k < n_steps[i]; k++)
        g_assert_true (tandem_journey_layout_get_card (layout, k)->print);
    }
}

/* The sample's before map as the appendix prints it: compact numbered cards, lanes as tall
 * as their cards, the empty lane a band, the key; at the scale of the page (7 pt text). */
static void
test_reference_print (void)
{
  g_autoptr(TandemDocument) document = load_sample ();
  g_autoptr(TandemJourneyFigure) figure = NULL;
  cairo_surface_t *surface;
  double width, height, scale = 7.0 / TANDEM_JOURNEY_FONT_SMALLEST;

  if (document == NULL)
    {
      g_test_skip ("Run through meson test, which says where the sample is");
      return;
    }

  figure = tandem_journey_figure_new (tandem_list_get (tandem_document_get_journeys (document), 0),
                                      TANDEM_JOURNEY_SHOW_BEFORE);
  tandem_journey_figure_set_print (figure, TRUE);
  tandem_journey_figure_get_size (figure, &width, &height);
  /* At 96 dpi: the page's points times 4/3. */
  surface = render (figure, NULL, 0, 0, (int)ceil (width * scale * 4 / 3),
                    (int)ceil (height * scale * 4 / 3), scale * 4 / 3);
  compare_with_reference (surface, "journey-print-before");
  cairo_surface_destroy (surface);
}

/* A 30-step map (six stages of five, or five of six): at most three A4 pages, split only between stages;
 * each part has every lane and its stages' headers, and says it is continued. */
static void
test_print_split_between_stages (gconstpointer data)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_large_journey (document, 30, GPOINTER_TO_UINT (data));
  guint n_stages = tandem_list_get_n (tandem_journey_get_stages (journey));
  guint n_lanes = tandem_list_get_n (tandem_journey_get_lanes (journey));
  g_autoptr(GArray) a4 = NULL;
  g_autoptr(GArray) a3 = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  double scale, area_width, area_height;
  guint next = 0;
  TandemFlow *flow = tandem_flow_new (TANDEM_PAPER_A4);

  tandem_flow_get_figure_area (flow, &area_width, &area_height);
  tandem_flow_free (flow);

  a3 = split_for_paper (journey, TANDEM_MAP_SIDE_BEFORE, TANDEM_PAPER_A3, &scale);
  a4 = split_for_paper (journey, TANDEM_MAP_SIDE_BEFORE, TANDEM_PAPER_A4, &scale);
  g_test_message ("30 steps: %u A4 pages, %u A3 pages", a4->len, a3->len);
  g_assert_cmpuint (a4->len, <=, 3);
  g_assert_cmpuint (a4->len, >, 1);
  g_assert_cmpuint (a3->len, <=, a4->len);

  for (guint k = 0; k < a4->len; k++)
    {
      const TandemStageRange *range = &g_array_index (a4, TandemStageRange, k);
      g_autoptr(TandemJourneyFigure) part = tandem_journey_figure_new (journey,
                                                                       TANDEM_JOURNEY_SHOW_BEFORE);
      TandemJourneyLayout *layout;
      gboolean from_before, goes_on;
      double width, height;

      /* Whole stages, in order, each once. */
      g_assert_cmpuint (range->first, ==, next);
      g_assert_cmpuint (range->n, >=, 1);
      next = range->first + range->n;

      tandem_journey_figure_set_print (part, TRUE);
      tandem_journey_figure_set_stage_range (part, range->first, range->n);
      tandem_journey_figure_get_size (part, &width, &height);
      g_assert_cmpfloat (width * scale, <=, area_width);
      g_assert_cmpfloat (height * scale, <=, area_height);

      /* As many stages as fit: one more would not. */
      if (k + 1 < a4->len)
        {
          g_autoptr(TandemJourneyFigure) more = tandem_journey_figure_new (journey,
                                                                           TANDEM_JOURNEY_SHOW_BEFORE);
          double more_width, more_height;

          tandem_journey_figure_set_print (more, TRUE);
          tandem_journey_figure_set_stage_range (more, range->first, range->n + 1);
          tandem_journey_figure_get_size (more, &more_width, &more_height);
          g_assert_true (more_width * scale > area_width || more_height * scale > area_height);
        }

      /* Every lane title and the headers of its stages; the key. */
      layout = tandem_journey_figure_get_layout (part, TANDEM_MAP_SIDE_BEFORE);
      g_assert_cmpuint (tandem_journey_layout_get_n_lanes (layout), ==, n_lanes);
      g_assert_cmpuint (tandem_journey_layout_get_n_stages (layout), ==, range->n);
      for (guint i = 0; i < range->n; i++)
        g_assert_true (tandem_journey_layout_get_stage (layout, i)->stage ==
                       tandem_list_get (tandem_journey_get_stages (journey), range->first + i));
      g_assert_true (tandem_journey_figure_get_show_legend (part));

      /* It says it is continued: from before but the first, on after but the last. */
      tandem_journey_layout_get_continuation (layout, &from_before, &goes_on);
      g_assert_cmpint (from_before, ==, k > 0);
      g_assert_cmpint (goes_on, ==, k + 1 < a4->len);

      /* Its cards are whole and inside the part; numbered as in the whole journey. */
      for (guint c = 0; c < tandem_journey_layout_get_n_cards (layout); c++)
        {
          const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, c);

          g_assert_false (g_hash_table_contains (seen, card->step));
          g_hash_table_add (seen, card->step);
          g_assert_cmpfloat (card->rect.x + card->rect.width, <=, width);
          g_assert_cmpfloat (card->rect.y + card->rect.height, <=, height);
          g_assert_cmpuint (card->number, >=, 1);
          g_assert_cmpuint (card->number, <=, 30);
        }
    }
  g_assert_cmpuint (next, ==, n_stages);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 30);
}

/* The export dialog's rule: the chosen format decides, and the name is made to say so. */
static void
test_export_file_for_format (void)
{
  struct
  {
    const char        *typed;
    TandemImageFormat  format;
    const char        *written;
  } cases[] = {
    { "map", TANDEM_IMAGE_FORMAT_PDF, "map.pdf" },
    { "map", TANDEM_IMAGE_FORMAT_SVG, "map.svg" },
    { "map.png", TANDEM_IMAGE_FORMAT_PDF, "map.pdf" },
    { "map.pdf", TANDEM_IMAGE_FORMAT_PNG, "map.png" },
    { "MAP.SVG", TANDEM_IMAGE_FORMAT_SVG, "MAP.SVG" },
    { "Plan v1.2", TANDEM_IMAGE_FORMAT_PNG, "Plan v1.2.png" },
    { "map.jpeg", TANDEM_IMAGE_FORMAT_PNG, "map.jpeg.png" },
    { "Before.png.bak", TANDEM_IMAGE_FORMAT_SVG, "Before.png.bak.svg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename ("/tmp", "folder", cases[i].typed, NULL);
      g_autoptr(GFile) typed = g_file_new_for_path (path);
      g_autoptr(GFile) written = tandem_image_file_for_format (typed, cases[i].format);
      g_autoptr(GFile) parent = g_file_get_parent (written);
      g_autofree char *name = g_file_get_basename (written);
      g_autofree char *folder = g_file_get_path (parent);
      TandemImageFormat format;

      g_assert_cmpstr (name, ==, cases[i].written);
      g_assert_cmpstr (folder, ==, "/tmp/folder");
      g_assert_true (tandem_image_format_for_file (written, &format));
      g_assert_cmpint (format, ==, cases[i].format);
    }
}

/* A map wider than a PDF reader accepts (200 inches) comes out as pages a reader opens, cut
 * between stages, every page showing the lane titles so a reader knows which row is which. */
static void
test_export_pdf_pages (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_large_journey (document, 400, 40);
  TandemJourneyLayout *layout = NULL;
  g_autoptr(TandemJourneyFigure) figure = NULL;
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  TandemJourneyExportOptions options;
  double width, height, x = 0;
  guint n_pages = 0;
  int status;
  const char *pdfinfo[] = { "pdfinfo", "-f", "1", "-l", "1000", path, NULL };

  g_autofree char *pdfinfo_path = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext_path = g_find_program_in_path ("pdftotext");

  if (pdfinfo_path == NULL || pdftotext_path == NULL)
    {
      g_test_incomplete ("pdfinfo and pdftotext are needed to check PDF files (poppler-utils)");
      return;
    }

  tandem_journey_export_options_init (&options);
  options.show = TANDEM_JOURNEY_SHOW_BEFORE;
  figure = tandem_journey_figure_new (journey, options.show);
  tandem_journey_figure_set_arrangement (figure, options.arrangement);
  tandem_journey_figure_set_show_title (figure, TRUE);
  tandem_journey_figure_set_show_legend (figure, TRUE);
  tandem_journey_figure_get_size (figure, &width, &height);
  layout = tandem_journey_figure_get_layout (figure, TANDEM_MAP_SIDE_BEFORE);
  g_assert_cmpfloat (width, >, 2 * 14400);

  g_assert_true (tandem_journey_export (journey, file, &options, &error));
  g_assert_no_error (error);

  g_assert_true (run (pdfinfo, &out, &err, &status));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double page_width, page_height;
      g_autofree char *page_text = NULL;
      g_autofree char *page = NULL;
      guint number;
      gboolean at_stage = FALSE;

      if (sscanf (lines[i], "Page %u size: %lf x %lf", &number, &page_width, &page_height) != 3)
        continue;

      n_pages++;
      g_assert_cmpfloat (page_width, <=, 14400);
      g_assert_cmpfloat (page_height, <=, 14400);

      /* Each page after the first starts where a stage starts, after the lane titles. */
      if (number > 1)
        for (guint s = 0; s < tandem_journey_layout_get_n_stages (layout); s++)
          at_stage |= fabs (tandem_journey_layout_get_stage (layout, s)->x - x) < 0.5;
      else
        at_stage = TRUE;
      g_assert_true (at_stage);
      x += page_width - (number > 1 ? TANDEM_JOURNEY_LANE_HEADER_WIDTH : 0);

      page = g_strdup_printf ("%u", number);
      {
        const char *pdftotext[] = { "pdftotext", "-f", page, "-l", page, path, "-", NULL };
        g_autofree char *page_err = NULL;

        g_assert_true (run (pdftotext, &page_text, &page_err, &status));
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        g_assert_nonnull (strstr (page_text, "Patient and family"));
        g_assert_nonnull (strstr (page_text, "Behind the scenes"));
      }
    }

  g_assert_cmpuint (n_pages, >=, 3);
  /* Nothing is lost between the pages. */
  g_assert_cmpfloat (fabs (x - width), <, 0.5);

  tandem_test_remove_tree (dir);
}

/* The command line: tandem --export-map */

static void
test_command_line (void)
{
  const char *tandem = g_getenv ("TANDEM");
  const char *sample = g_getenv ("TANDEM_SAMPLE");
  g_autofree char *dir = NULL;
  struct {
    const char *args[4];
    int         status;
    const char *fragment;
    const char *output;
  } cases[] = {
    { { "--export-map=both.pdf" }, 0, NULL, "both.pdf" },
    { { "--export-map=before.png", "--map=before", "--journey=1" }, 0, NULL, "before.png" },
    { { "--export-map=after.svg", "--map=after", "--journey=a PARENT with a feverish child in the evening" },
      0, NULL, "after.svg" },
    { { "--export-map=map.jpeg" }, 2, ".png, .svg or .pdf", NULL },
    { { "--export-map=map.png", "--map=sideways" }, 2, "before, after or both", NULL },
    { { "--journey=1" }, 2, "--export-map", NULL },
    { { "--export-map=map.png", "--journey=Nobody's journey" }, 1,
      "no journey called “Nobody's journey”", NULL },
    { { "--export-map=map.png", "--journey=7" }, 1, "a number from 1 to 1", NULL },
    { { "--export-map=nowhere/map.png" }, 1, "does not exist", NULL },
    { { "--export-map=map.png", "--export-json=map.json" }, 2, "one of", NULL },
  };

  if (tandem == NULL || sample == NULL)
    {
      g_test_skip ("Run through meson test, which says where tandem and the sample are");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GDir) listing = NULL;
      int status;
      guint n_files = 0;

      dir = tandem_test_make_temp_dir ();
      g_ptr_array_add (argv, (gpointer)tandem);
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].args) && cases[i].args[k] != NULL; k++)
        g_ptr_array_add (argv, (gpointer)cases[i].args[k]);
      g_ptr_array_add (argv, (gpointer)sample);
      g_ptr_array_add (argv, NULL);

      {
        g_autoptr(GError) error = NULL;

        g_assert_true (g_spawn_sync (dir, (char **)argv->pdata, NULL, 0, NULL, NULL, &out, &err,
                                     &status, &error));
      }

      g_test_message ("%s → %d %s", cases[i].args[0], WEXITSTATUS (status), err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, cases[i].status);
      if (cases[i].fragment != NULL && strstr (err, cases[i].fragment) == NULL)
        g_error ("“%s” does not mention “%s”", err, cases[i].fragment);
      if (cases[i].status != 0)
        g_assert_true (g_str_has_prefix (err, "tandem: "));

      /* The output when it worked, and nothing else: no temporary files, no half image. */
      listing = g_dir_open (dir, 0, NULL);
      for (const char *name; (name = g_dir_read_name (listing)) != NULL; n_files++)
        g_assert_cmpstr (name, ==, cases[i].output);
      g_assert_cmpuint (n_files, ==, cases[i].output ? 1 : 0);

      tandem_test_remove_tree (dir);
      g_clear_pointer (&dir, g_free);
    }
}

/* "Removing a stage in a new, empty journey blanks the whole page": tried on the way out too.
 * A new journey, its second stage removed, exported as PNG and PDF, shows the stages that are
 * left, and nothing of the one removed. */
static void
test_export_after_removing_stage (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_add_journey (document, "New journey");
  TandemStage *second = tandem_list_get (tandem_journey_get_stages (journey), 1);
  g_autofree char *removed = g_strdup (tandem_stage_get_title (second));
  g_autofree char *kept = g_strdup (tandem_stage_get_title (tandem_list_get (tandem_journey_get_stages (journey), 0)));
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  TandemJourneyExportOptions options;
  cairo_surface_t *image;
  guint dark = 0;

  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE))), ==, 0);
  tandem_document_begin (document, "Remove Stage");
  tandem_journey_remove_stage (journey, second);
  tandem_document_commit (document);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_stages (journey)), ==, 4);

  tandem_journey_export_options_init (&options);
  options.show = TANDEM_JOURNEY_SHOW_BEFORE;
  g_assert_true (tandem_journey_export (journey, png_file, &options, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_journey_export (journey, pdf_file, &options, &error));
  g_assert_no_error (error);

  /* Not a blank page: the stage headers and lane titles are drawn (dark text on light). */
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    {
      const guint32 *row = (const guint32 *)(cairo_image_surface_get_data (image) +
                                             y * cairo_image_surface_get_stride (image));

      for (int x = 0; x < cairo_image_surface_get_width (image); x++)
        if (((row[x] >> 16) & 0xff) + ((row[x] >> 8) & 0xff) + (row[x] & 0xff) < 3 * 96)
          dark++;
    }
  cairo_surface_destroy (image);
  g_assert_cmpuint (dark, >, 1000);

  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status;

    if (pdftotext == NULL)
      {
        g_test_incomplete ("pdftotext is needed to read the PDF (poppler-utils)");
        return;
      }
    g_assert_true (run (argv, &out, &err, &status));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, kept));
    g_assert_null (strstr (out, removed));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journey/render/reference/before", test_reference_before);
  g_test_add_func ("/journey/render/reference/scripts", test_reference_scripts);
  g_test_add_func ("/journey/render/reference/votes", test_reference_votes);
  g_test_add_func ("/journey/render/reference/dark-selection", test_reference_dark_selection);
  g_test_add_func ("/journey/render/reference/both-high-contrast", test_reference_high_contrast_both);
  g_test_add_func ("/journey/print/sample-fits-a4", test_print_sample_fits_a4);
  g_test_add_func ("/journey/print/reference", test_reference_print);
  g_test_add_data_func ("/journey/print/split-between-stages/6x5", GUINT_TO_POINTER (6),
                        test_print_split_between_stages);
  g_test_add_data_func ("/journey/print/split-between-stages/5x6", GUINT_TO_POINTER (5),
                        test_print_split_between_stages);
  g_test_add_func ("/journey/export/files", test_export_files);
  g_test_add_func ("/journey/export/after-removing-a-stage", test_export_after_removing_stage);
  g_test_add_func ("/journey/export/refused", test_export_refused);
  g_test_add_func ("/journey/export/too-large-for-png", test_export_too_large_for_png);
  g_test_add_func ("/journey/export/pdf-pages", test_export_pdf_pages);
  g_test_add_func ("/journey/export/file-for-format", test_export_file_for_format);
  g_test_add_func ("/journey/export/command-line", test_command_line);

  return g_test_run ();
}
