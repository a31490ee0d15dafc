/* test-themes-window.c: "You said, we did" and evidence linked to it, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-activity.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-page.h"
#include "tandem-engagement.h"
#include "tandem-evidence-link.h"
#include "tandem-item-editor.h"
#include "tandem-journey-canvas.h"
#include "tandem-journey-map.h"
#include "tandem-journey-page.h"
#include "tandem-journey-selection.h"
#include "tandem-journey.h"
#include "tandem-lane.h"
#include "tandem-link-chooser.h"
#include "tandem-new-checklist-dialog.h"
#include "tandem-quote.h"
#include "tandem-stage.h"
#include "tandem-step-panel.h"
#include "tandem-step.h"
#include "tandem-dialogs.h"
#include "tandem-engagement-page.h"
#include "tandem-test-util.h"
#include "tandem-theme-link.h"
#include "tandem-theme.h"
#include "tandem-themes-page.h"
#include "tandem-ui-test-util.h"

#define CONSENTED "I waited four hours with a crying baby"
#define NOT_CONSENTED "The receptionist was rude to me"

/* A journey with a quote given with consent and one without, on a before-map step, and a step
 * of the after map; and one engagement activity. */
static void
add_journey (TandemDocument *document)
{
  g_autoptr(TandemJourney) journey = tandem_journey_new_with_defaults ("Urgent care");
  g_autoptr(TandemActivity) activity = tandem_activity_new ();
  TandemList *maps = tandem_journey_get_maps (journey);
  const char *stage = tandem_object_get_id (tandem_list_get (tandem_journey_get_stages (journey), 0));
  const char *lane = tandem_object_get_id (tandem_list_get (tandem_journey_get_lanes (journey), 0));

  tandem_document_begin (document, "Set up");
  for (guint i = 0; i < tandem_list_get_n (maps); i++)
    {
      TandemJourneyMap *map = tandem_list_get (maps, i);
      gboolean after = tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_AFTER;
      g_autoptr(TandemStep) step = tandem_step_new ();

      tandem_step_set_title (step, after ? "Book a slot through 111" : "Wait in A&E");
      tandem_step_set_stage (step, stage);
      tandem_step_set_lane (step, lane);
      if (!after)
        {
          g_autoptr(TandemQuote) yes = tandem_quote_new ();
          g_autoptr(TandemQuote) no = tandem_quote_new ();

          tandem_quote_set_text (yes, CONSENTED);
          tandem_quote_set_speaker_role (yes, "Parent");
          tandem_quote_set_consent (yes, TRUE);
          tandem_quote_set_text (no, NOT_CONSENTED);
          tandem_quote_set_speaker_role (no, "Patient");
          tandem_quote_set_consent (no, FALSE);
          tandem_list_append (tandem_step_get_quotes (step), yes);
          tandem_list_append (tandem_step_get_quotes (step), no);
        }
      tandem_list_append (tandem_journey_map_get_steps (map), step);
    }
  tandem_list_append (tandem_document_get_journeys (document), journey);
  tandem_activity_set_title (activity, "Big Conversation session 2");
  tandem_list_append (tandem_document_get_activities (document), activity);
  tandem_document_commit (document);
}

static TandemThemesPage *
show_themes_page (TandemWindow *window)
{
  GtkWidget *page;

  /* The page has its row in the sidebar, under Engagement. */
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                                "You Said, We Did"));
  page = tandem_window_select_page (window, "you-said-we-did");
  g_assert_true (TANDEM_IS_THEMES_PAGE (page));
  g_assert_true (tandem_window_get_visible_page (window) == page);
  gtk_test_widget_wait_for_draw (page);

  return TANDEM_THEMES_PAGE (page);
}

/* Types @text into the row and presses Enter in it, as the user does. */
static void
type_and_enter (GtkWidget  *row,
                const char *text)
{
  GtkWidget *entry = tandem_ui_test_find_widget (row, GTK_TYPE_TEXT, NULL);

  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_grab_focus (entry));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What Enter does in a GtkText: its "activate" key binding. */
  g_signal_emit_by_name (entry, "activate");
  tandem_ui_test_iterate ();
}

static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (root))
    {
      GtkWidget *child = gtk_menu_button_get_child (GTK_MENU_BUTTON (root));

      if (g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), label) == 0 ||
          (ADW_IS_BUTTON_CONTENT (child) &&
           g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), label) == 0))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens the chooser of @button, searches for @search and presses Enter. */
static void
choose (GtkWidget  *root,
        const char *button_label,
        const char *search)
{
  GtkWidget *button = find_menu_button (root, button_label);
  GtkPopover *popover;
  GtkWidget *entry;

  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (TANDEM_IS_LINK_CHOOSER (popover));

  /* As the user would, with the button in view (the page scrolls to the focus). */
  gtk_widget_grab_focus (button);
  gtk_test_widget_wait_for_draw (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  tandem_ui_test_iterate ();
  entry = tandem_link_chooser_get_search (TANDEM_LINK_CHOOSER (popover));
  /* The search field has the focus, to type at once. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
  tandem_ui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = tandem_ui_test_find_widget (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_is_visible (label);
}

static gboolean
overlay_last_toast_is (GtkWidget  *widget,
                       const char *text)
{
  if (ADW_IS_TOAST_OVERLAY (widget) && g_strcmp0 (tandem_get_last_toast (widget), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (overlay_last_toast_is (child, text))
      return TRUE;

  return FALSE;
}

/* Whether a toast says @text: shown now, or the last one a toast overlay of the window was
 * given (a toast goes away by itself after a few seconds, which a busy machine can take to
 * get here). */
static gboolean
toast_says (TandemWindow *window,
            const char   *text)
{
  return label_shown (GTK_WIDGET (window), text) ||
         overlay_last_toast_is (GTK_WIDGET (window), text);
}

static TandemObject *
find_quote (TandemDocument *document,
            const char     *text)
{
  TandemJourney *journey = tandem_list_get (tandem_document_get_journeys (document), 0);
  TandemList *maps = tandem_journey_get_maps (journey);

  for (guint m = 0; m < tandem_list_get_n (maps); m++)
    {
      TandemList *steps = tandem_journey_map_get_steps (tandem_list_get (maps, m));

      for (guint s = 0; s < tandem_list_get_n (steps); s++)
        {
          TandemList *quotes = tandem_step_get_quotes (tandem_list_get (steps, s));

          for (guint q = 0; q < tandem_list_get_n (quotes); q++)
            if (g_strcmp0 (tandem_quote_get_text (tandem_list_get (quotes, q)), text) == 0)
              return tandem_list_get (quotes, q);
        }
    }

  return NULL;
}

static TandemItemEditor *
new_checklist_editor (TandemWindow *window)
{
  GtkWidget *dialog = GTK_WIDGET (tandem_window_new_checklist (window));
  GtkWidget *create;
  GtkWidget *page;

  tandem_ui_test_iterate ();
  g_assert_true (TANDEM_IS_NEW_CHECKLIST_DIALOG (dialog));
  create = tandem_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "C_reate");
  g_assert_nonnull (create);
  tandem_ui_test_press_button (create);

  page = tandem_window_get_visible_page (window);
  g_assert_true (TANDEM_IS_CHECKLIST_PAGE (page));
  gtk_test_widget_wait_for_draw (page);

  return TANDEM_ITEM_EDITOR (tandem_checklist_page_get_editor (TANDEM_CHECKLIST_PAGE (page)));
}

/* The chip whose title is @title, with its kind beside it; returns the button that opens it. */
static GtkWidget *
chip_button (TandemItemEditor *editor,
             const char       *title,
             const char       *kind)
{
  GtkWidget *chips = tandem_ui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_FLOW_BOX, NULL);
  GtkWidget *label = tandem_ui_test_find_widget (chips, GTK_TYPE_LABEL, title);
  GtkWidget *kind_label;

  if (label == NULL || !gtk_widget_is_visible (label))
    return NULL;
  kind_label = gtk_widget_get_next_sibling (label);
  g_assert_true (GTK_IS_LABEL (kind_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (kind_label)), ==, kind);

  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("TANDEM_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  /* Only when asked: the pictures are for a person to look at, not for the test. */
  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  tandem_ui_test_iterate ();
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static void
test_you_said_we_did (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "themes.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemList *themes = tandem_document_get_themes (document);
  TandemThemesPage *page;
  GtkWidget *add_row;
  GtkWidget *focus;
  GtkWidget *response_row;
  GtkTextView *reason_view;
  GtkWidget *date_row;
  TandemTheme *theme;
  TandemItemEditor *editor;
  TandemChecklistItem *item;
  TandemEvidenceLink *evidence;
  GtkWidget *open;
  const char *theme_id;
  g_autofree char *theme_id_kept = NULL;
  TandemWindow *reopened;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1000);
  add_journey (document);
  page = show_themes_page (window);

  /* Nothing yet: the page says what it is for. */
  g_assert_true (label_shown (GTK_WIDGET (page), "No Themes Yet"));

  /* Add two themes by keyboard: Enter adds one and the field is ready for the next. */
  add_row = tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Add a _theme");
  g_assert_nonnull (add_row);
  type_and_enter (add_row, "Waiting times at night");
  g_assert_cmpuint (tandem_list_get_n (themes), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, add_row));
  type_and_enter (add_row, "Parking near the hub");
  g_assert_cmpuint (tandem_list_get_n (themes), ==, 2);
  /* Empty Enter adds nothing. */
  type_and_enter (add_row, "   ");
  g_assert_cmpuint (tandem_list_get_n (themes), ==, 2);

  /* The new theme is shown; both are flagged in the list, in words. */
  theme = tandem_list_get (themes, 0);
  tandem_themes_page_select_theme (page, theme);
  g_assert_true (tandem_themes_page_get_selected (page) == theme);
  g_assert_true (label_shown (GTK_WIDGET (page),
                              "No response recorded; Not fed back to the people who took part") ||
                 tandem_theme_get_flags (theme) ==
                 (TANDEM_THEME_FLAG_NO_RESPONSE | TANDEM_THEME_FLAG_NOT_FED_BACK));
  {
    g_autofree char *flags = tandem_theme_flags_describe (tandem_theme_get_flags (theme));

    g_assert_nonnull (flags);
    g_assert_true (label_shown (GTK_WIDGET (page), flags));
  }

  /* What changed is written, then "not adopted" chosen without a reason: the sentence shows,
   * the choice and the text stay. */
  response_row = tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "Res_ponse");
  g_assert_nonnull (response_row);
  tandem_document_begin (document, "Change");
  tandem_theme_set_change (theme, "Night clinic at the hub until midnight");
  tandem_document_commit (document);
  adw_combo_row_set_selected (ADW_COMBO_ROW (response_row), 3);
  tandem_ui_test_iterate ();
  g_assert_cmpint (tandem_theme_get_response (theme), ==, TANDEM_THEME_RESPONSE_NOT_ADOPTED);
  g_assert_cmpstr (tandem_theme_get_change (theme), ==, "Night clinic at the hub until midnight");
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tandem_theme_check_response (theme, &error));
    g_assert_true (label_shown (GTK_WIDGET (page), error->message));
    g_assert_cmpstr (tandem_themes_page_get_last_message (page), ==, error->message);
  }
  g_assert_true (tandem_theme_get_flags (theme) & TANDEM_THEME_FLAG_NO_REASON);

  /* A reason and the date it was fed back: the flags clear, in the list and on the page. */
  reason_view = NULL;
  for (GtkWidget *w = tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Reason");
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_FRAME (w))
      {
        reason_view = GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (w)));
        break;
      }
  g_assert_nonnull (reason_view);
  gtk_widget_grab_focus (GTK_WIDGET (reason_view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason_view),
                            "The hub has no overnight staff; 111 books a slot instead.", -1);
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_theme_get_reason (theme), ==,
                   "The hub has no overnight staff; 111 books a slot instead.");
  g_assert_false (tandem_theme_get_flags (theme) & TANDEM_THEME_FLAG_NO_REASON);

  date_row = tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW,
                                         "_Date, such as 14/01/2027");
  g_assert_nonnull (date_row);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "not yet");
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_theme_get_fed_back_date (theme), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "not yet");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "14/01/2027");
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_theme_get_fed_back_date (theme), ==, "2027-01-14");
  g_assert_cmpint (tandem_theme_get_flags (theme), ==, TANDEM_THEME_FLAG_NONE);
  {
    g_autofree char *other = tandem_theme_flags_describe (tandem_theme_get_flags (tandem_list_get (themes, 1)));

    /* The other theme is still flagged; this one's warning is gone from the page. */
    g_assert_true (label_shown (GTK_WIDGET (page), other));
    g_assert_false (label_shown (GTK_WIDGET (page), "Not fed back to the people who took part"));
  }

  /* A quote said without consent is refused with a sentence; one with consent is linked. */
  choose (GTK_WIDGET (page), "Link _Quote…", "receptionist");
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 0);
  g_assert_nonnull (strstr (tandem_themes_page_get_last_message (page), "without consent"));
  g_assert_true (label_shown (GTK_WIDGET (page), tandem_themes_page_get_last_message (page)));
  choose (GTK_WIDGET (page), "Link _Quote…", "crying baby");
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 1);
  g_assert_true (tandem_document_lookup (document, tandem_theme_link_get_target (tandem_list_get (tandem_theme_get_links (theme), 0))) ==
                 find_quote (document, CONSENTED));

  /* A step of the after map, and the activity it came from. */
  choose (GTK_WIDGET (page), "Link _Step…", "111");
  choose (GTK_WIDGET (page), "Link _Activity or Group…", "session 2");
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 3);
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                "Book a slot through 111 — Urgent care (after)"));
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                "Big Conversation session 2"));
  screenshot ("themes-page.png");
  if (g_getenv ("TANDEM_SCREENSHOT_DIR") != NULL)
    {
      gtk_widget_grab_focus (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON,
                                                         "Re_move Theme"));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
      screenshot ("themes-page-lower.png");
    }

  /* A checklist answer's evidence links to the theme, shown as a chip. */
  editor = new_checklist_editor (window);
  item = tandem_item_editor_get_item (editor);
  choose (GTK_WIDGET (editor), "_Link to the Project…", "Waiting times");
  choose (GTK_WIDGET (editor), "_Link to the Project…", "111");
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 2);
  evidence = tandem_list_get (tandem_checklist_item_get_links (item), 0);
  theme_id = tandem_object_get_id (TANDEM_OBJECT (theme));
  theme_id_kept = g_strdup (theme_id);
  g_assert_cmpstr (tandem_evidence_link_get_target (evidence), ==, theme_id);
  g_assert_nonnull (chip_button (editor, "Waiting times at night", "Theme"));
  g_assert_nonnull (chip_button (editor, "Book a slot through 111 — Urgent care (after)",
                                 "After-map step"));
  /* The chips stand in for "no links yet". */
  g_assert_false (label_shown (GTK_WIDGET (editor), "No links or attached files yet"));
  /* The quote without consent is not linked here either. */
  choose (GTK_WIDGET (editor), "_Link to the Project…", "receptionist");
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 2);
  screenshot ("editor-chips.png");

  /* Activating the chip opens the theme. */
  open = chip_button (editor, "Waiting times at night", "Theme");
  g_assert_nonnull (open);
  tandem_ui_test_press_button (open);
  g_assert_true (tandem_window_get_visible_page (window) == GTK_WIDGET (page));
  g_assert_true (tandem_themes_page_get_selected (page) == theme);

  /* Removing the theme says what links to it; Undo brings back the theme and the link. */
  tandem_ui_test_press_button (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON,
                                                           "Re_move Theme"));
  g_assert_nonnull (strstr (tandem_themes_page_get_last_message (page),
                            "The evidence of 1 answer links to this. Removing it removes that link"));
  g_assert_null (tandem_document_lookup (document, theme_id_kept));
  g_assert_cmpuint (tandem_list_get_n (themes), ==, 1);
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 1);
  tandem_document_undo (document);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_list_get_n (themes), ==, 2);
  theme = TANDEM_THEME (tandem_document_lookup (document, theme_id_kept));
  g_assert_nonnull (theme);
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 3);
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 2);
  g_assert_cmpstr (tandem_evidence_link_get_target (tandem_list_get (tandem_checklist_item_get_links (item), 0)),
                   ==, theme_id_kept);

  /* The step's chip opens the journey with the step selected; removing the step there says
   * what linked to it, and Undo brings back the step and both links. */
  open = chip_button (editor, "Book a slot through 111 — Urgent care (after)", "After-map step");
  g_assert_nonnull (open);
  tandem_ui_test_press_button (open);
  {
    GtkWidget *journey_page = tandem_window_get_visible_page (window);
    TandemJourneyCanvas *canvas;
    TandemObject *step;

    g_assert_true (TANDEM_IS_JOURNEY_PAGE (journey_page));
    canvas = tandem_journey_page_get_canvas (TANDEM_JOURNEY_PAGE (journey_page));
    step = tandem_document_lookup (document, tandem_evidence_link_get_target (tandem_list_get (tandem_checklist_item_get_links (item), 1)));
    g_assert_true (TANDEM_IS_STEP (step));
    g_assert_true (tandem_journey_selection_contains (tandem_journey_canvas_get_selection (canvas), step));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
    tandem_ui_test_iterate ();
    g_assert_nonnull (strstr (tandem_journey_page_get_last_message (TANDEM_JOURNEY_PAGE (journey_page)),
                              "1 theme and the evidence of 1 answer link to this"));
    g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 2);
    g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 1);
    tandem_document_undo (document);
    tandem_ui_test_iterate ();
    g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 3);
    g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 2);
  }

  /* Removing the linked quote in the step panel says so too, and Undo brings back both. */
  {
    TandemObject *quote = find_quote (document, CONSENTED);
    g_autoptr(GPtrArray) removed = g_ptr_array_new ();
    g_autofree char *expected = NULL;
    GtkWidget *journey_page;
    GtkWidget *panel;
    GtkWidget *heading;

    g_ptr_array_add (removed, quote);
    expected = tandem_link_describe_removal (document, removed);
    g_assert_true (g_str_has_prefix (expected, "1 theme "));
    tandem_link_target_open (GTK_WIDGET (page), quote);
    tandem_ui_test_iterate ();
    journey_page = tandem_window_get_visible_page (window);
    g_assert_true (TANDEM_IS_JOURNEY_PAGE (journey_page));
    panel = tandem_journey_page_get_step_panel (TANDEM_JOURNEY_PAGE (journey_page));
    g_assert_true (TANDEM_IS_STEP_PANEL (panel));
    g_assert_true (tandem_step_panel_get_step (TANDEM_STEP_PANEL (panel)) ==
                   TANDEM_STEP (tandem_object_get_parent (quote)));
    heading = tandem_ui_test_find_widget (panel, GTK_TYPE_LABEL, "Quote 1");
    g_assert_nonnull (heading);
    g_assert_true (GTK_IS_BUTTON (gtk_widget_get_next_sibling (heading)));
    tandem_ui_test_press_button (gtk_widget_get_next_sibling (heading));
    g_assert_null (find_quote (document, CONSENTED));
    g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 2);
    g_assert_true (toast_says (window, expected));
    tandem_document_undo (document);
    tandem_ui_test_iterate ();
    g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 3);
  }

  /* An activity a link points to opens in the engagement log, chosen there. */
  {
    TandemActivity *activity = tandem_list_get (tandem_document_get_activities (document), 0);
    GtkWidget *log;

    g_assert_nonnull (activity);
    tandem_link_target_open (GTK_WIDGET (page), TANDEM_OBJECT (activity));
    tandem_ui_test_iterate ();
    log = tandem_window_get_visible_page (window);
    g_assert_true (TANDEM_IS_ENGAGEMENT_PAGE (log));
    g_assert_true (tandem_engagement_page_get_selected (TANDEM_ENGAGEMENT_PAGE (log)) == activity);

    /* Removing it says which theme pointed to it; Undo brings back both. */
    {
      guint n_links = tandem_list_get_n (tandem_theme_get_links (theme));
      g_autofree char *id = g_strdup (tandem_object_get_id (TANDEM_OBJECT (activity)));

      tandem_ui_test_press_button (tandem_ui_test_find_widget (log, GTK_TYPE_BUTTON,
                                                               "_Remove Activity"));
      g_assert_null (tandem_document_lookup (document, id));
      g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, n_links - 1);
      g_assert_nonnull (strstr (tandem_get_last_toast (log), "1 theme links to this."));
      tandem_document_undo (document);
      tandem_ui_test_iterate ();
      g_assert_nonnull (tandem_document_lookup (document, id));
      g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, n_links);
    }
  }

  /* Saved and opened again, all of it is there. */
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_false (tandem_document_get_modified (document));
  tandem_ui_test_close_window (window);

  reopened = tandem_ui_test_new_window ();
  tandem_window_load (reopened, file);
  tandem_ui_test_wait_idle (reopened);
  document = tandem_window_get_document (reopened);
  theme = TANDEM_THEME (tandem_document_lookup (document, theme_id_kept));
  g_assert_nonnull (theme);
  g_assert_cmpint (tandem_theme_get_response (theme), ==, TANDEM_THEME_RESPONSE_NOT_ADOPTED);
  g_assert_cmpstr (tandem_theme_get_fed_back_date (theme), ==, "2027-01-14");
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 3);
  page = show_themes_page (reopened);
  tandem_themes_page_select_theme (page, theme);
  g_assert_true (tandem_themes_page_get_selected (page) == theme);
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                "“" CONSENTED "” — Parent"));

  tandem_ui_test_close_window (reopened);
  tandem_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  tandem_ui_test_init (&argc, &argv);
  tandem_ui_test_set_reviewer ("Sam Reviewer", "Board secretary");

  g_test_add_func ("/themes/window/you-said-we-did", test_you_said_we_did);

  return g_test_run ();
}
