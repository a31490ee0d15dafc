/* test-engagement-window.c: the engagement log, groups and reach and the ladder profile, in a
 * real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-activity.h"
#include "tandem-checklist.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-engagement.h"
#include "tandem-engagement-page.h"
#include "tandem-group.h"
#include "tandem-ladder-page.h"
#include "tandem-overview-page.h"
#include "tandem-reach-page.h"
#include "tandem-ui-test-util.h"

static char *scratch;

/* With TANDEM_SCREENSHOTS=DIR, each page is saved there as a PNG, as drawn in the window. */
static void
screenshot (TandemWindow *window,
            const char   *name)
{
  const char *dir = g_getenv ("TANDEM_SCREENSHOTS");
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  graphene_rect_t bounds;

  if (dir == NULL)
    return;

  tandem_ui_test_settle (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (GTK_WIDGET (window)),
                      gtk_widget_get_height (GTK_WIDGET (window)));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static const char *
accessible_label (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "tandem-accessible-label");
}

/* The first descendant of @type whose accessible name (or, with @contains, whose title or label)
 * holds @text. */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *text,
      gboolean    by_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *shown = NULL;

      if (by_name)
        shown = accessible_label (root);
      else if (ADW_IS_PREFERENCES_ROW (root))
        shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else if (GTK_IS_LABEL (root))
        shown = gtk_label_get_label (GTK_LABEL (root));

      if (shown != NULL && (by_name ? g_str_equal (shown, text) : strstr (shown, text) != NULL))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, text, by_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_named (gpointer    root,
            GType       type,
            const char *name)
{
  return find (GTK_WIDGET (root), type, name, TRUE);
}

static GtkWidget *
find_saying (gpointer    root,
             GType       type,
             const char *words)
{
  return find (GTK_WIDGET (root), type, words, FALSE);
}

static TandemWindow *
new_window (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();

  /* The size of the screenshots; otherwise the default size, quicker to draw. */
  if (g_getenv ("TANDEM_SCREENSHOTS") != NULL)
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1000);
  tandem_ui_test_settle (GTK_WIDGET (window));

  return window;
}

static TandemEngagementPage *
show_log (TandemWindow *window)
{
  GtkWidget *page = tandem_window_select_page (window, "engagement-log");

  g_assert_true (TANDEM_IS_ENGAGEMENT_PAGE (page));
  g_assert_true (tandem_window_get_visible_page (window) == page);
  tandem_ui_test_settle (GTK_WIDGET (window));

  return TANDEM_ENGAGEMENT_PAGE (page);
}

static TandemReachPage *
show_reach (TandemWindow *window)
{
  GtkWidget *page = tandem_window_select_page (window, "groups-and-reach");

  g_assert_true (TANDEM_IS_REACH_PAGE (page));
  tandem_ui_test_settle (GTK_WIDGET (window));

  return TANDEM_REACH_PAGE (page);
}

static GtkWidget *
field (gpointer    page,
       GType       type,
       const char *title)
{
  GtkWidget *widget = tandem_ui_test_find_widget (GTK_WIDGET (page), type, title);

  g_assert_nonnull (widget);
  return widget;
}

/* The row of the group with @key, as the reach view and the model number it. */
static guint
group_row (TandemDocument *document,
           const char     *key)
{
  TandemList *groups = tandem_document_get_groups (document);

  for (guint i = 0; i < tandem_list_get_n (groups); i++)
    if (g_str_equal (tandem_group_get_builtin_key (tandem_list_get (groups, i)), key))
      return i;

  g_assert_not_reached ();
}

static gboolean
gaps_say (TandemReachPage *page,
          const char      *words)
{
  GtkWidget *gaps = tandem_reach_page_get_gaps (page);

  return find_saying (gaps, ADW_TYPE_ACTION_ROW, words) != NULL;
}

static void
add_builtin_groups (TandemWindow *window)
{
  TandemReachPage *reach = show_reach (window);
  TandemDocument *document = tandem_window_get_document (window);

  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_groups (document)), ==, 0);
  screenshot (window, "reach-empty");
  tandem_ui_test_press_button (field (reach, GTK_TYPE_BUTTON, "Add the _Built-in Groups"));
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_groups (document)), >, 20);
  tandem_ui_test_settle (GTK_WIDGET (window));
}

/* Types a date into the date field and leaves it with Tab, as the user does. */
static void
type_field (TandemWindow *window,
            GtkWidget    *row,
            const char   *text)
{
  /* As when the whole field is selected and typed over. */
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  tandem_ui_test_settle (GTK_WIDGET (window));
}

static void
add_t5_claim (TandemDocument   *document,
              TandemLadderRung  rung)
{
  g_autoptr(TandemChecklist) checklist = tandem_checklist_new ();
  g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();
  g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();

  tandem_checklist_set_title (checklist, "T5 Ladder of co-production");
  tandem_checklist_set_template_id (checklist, "t5-ladder-of-coproduction");
  tandem_checklist_item_set_key (item, "consultation-design");
  tandem_checklist_item_set_uses_ladder (item, TRUE);
  tandem_checklist_item_set_ladder_rung (item, rung);
  tandem_list_append (tandem_checklist_section_get_items (section), item);
  tandem_list_append (tandem_checklist_get_sections (checklist), section);

  tandem_document_begin (document, "Add T5");
  tandem_list_append (tandem_document_get_checklists (document), checklist);
  tandem_document_commit (document);
}

static void
test_log_reach_ladder (void)
{
  TandemWindow *window = new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemList *activities = tandem_document_get_activities (document);
  g_autofree char *path = g_build_filename (scratch, "engagement.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TandemEngagementPage *log;
  TandemReachPage *reach;
  TandemLadderPage *ladder;
  TandemActivity *first;
  TandemActivity *second;
  TandemGroup *homeless;
  guint row;
  GtkWidget *title;
  GtkWidget *check;
  GtkWidget *dialog;
  TandemWindow *reopened;

  add_builtin_groups (window);
  row = group_row (document, "homelessness");
  homeless = tandem_list_get (tandem_document_get_groups (document), row);

  /* Marked most affected: never reached is the first gap stated. */
  reach = show_reach (window);
  check = find_named (tandem_reach_page_get_groups (reach), GTK_TYPE_CHECK_BUTTON,
                                      "“People experiencing homelessness” is among those most "
                                      "affected");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (tandem_group_get_most_affected (homeless));
  tandem_ui_test_settle (GTK_WIDGET (window));
  tandem_reach_page_refresh (reach);
  g_assert_true (gaps_say (reach, "People experiencing homelessness: among those most affected; "
                                  "not reached at any stage."));
  g_assert_cmpstr (accessible_label (tandem_reach_page_get_cell (reach, row,
                                                                 TANDEM_CHANGE_STAGE_CONSULTATION)),
                   ==, "People experiencing homelessness, Consultation: not reached");

  /* Two activities typed in a row: Enter in the title adds the next one. */
  log = show_log (window);
  screenshot (window, "log-empty");
  tandem_ui_test_press_button (field (log, GTK_TYPE_BUTTON, "_Add Activity"));
  g_assert_cmpuint (tandem_list_get_n (activities), ==, 1);
  title = field (log, ADW_TYPE_ENTRY_ROW, "_Title");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), title));
  tandem_ui_test_type_text (GTK_WIDGET (window), "Drop-in at the day centre");
  first = tandem_list_get (activities, 0);
  g_assert_cmpstr (tandem_activity_get_title (first), ==, "Drop-in at the day centre");

  tandem_ui_test_tab_to (GTK_WIDGET (window), field (log, ADW_TYPE_ENTRY_ROW,
                                                    "_Date, such as 14/01/2027"));
  tandem_ui_test_type_text (GTK_WIDGET (window), "12/3/2026");
  tandem_ui_test_tab_to (GTK_WIDGET (window), field (log, ADW_TYPE_COMBO_ROW, "_Stage of the change"));
  g_assert_cmpstr (tandem_activity_get_date (first), ==, "2026-03-12");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (log, ADW_TYPE_COMBO_ROW, "_Stage of the change")),
                              TANDEM_CHANGE_STAGE_CONSULTATION);
  g_assert_cmpint (tandem_activity_get_stage (first), ==, TANDEM_CHANGE_STAGE_CONSULTATION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (log, ADW_TYPE_COMBO_ROW, "_Method")),
                              TANDEM_ENGAGEMENT_METHOD_DROP_IN);
  tandem_ui_test_tab_to (GTK_WIDGET (window), field (log, ADW_TYPE_ENTRY_ROW, "_Number taking part"));
  tandem_ui_test_type_text (GTK_WIDGET (window), "14");
  g_assert_cmpint (tandem_activity_get_participants (first), ==, 14);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (log, ADW_TYPE_COMBO_ROW,
                                                    "_Rung of the ladder reached")),
                              TANDEM_LADDER_RUNG_CONSULTING);

  /* The group reached, from the project's list. */
  check = find_named (field (log, ADW_TYPE_EXPANDER_ROW, "_Groups reached"),
                      GTK_TYPE_CHECK_BUTTON, "People experiencing homelessness");
  g_assert_nonnull (check);
  gtk_widget_activate (check);
  g_assert_true (tandem_activity_reaches_group (first, homeless));
  gtk_widget_activate (find_named (log, GTK_TYPE_SWITCH, "Travel"));
  g_assert_true (tandem_activity_has_support (first, TANDEM_SUPPORT_TRAVEL));

  gtk_widget_grab_focus (title);
  tandem_ui_test_settle (GTK_WIDGET (window));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  g_assert_cmpuint (tandem_list_get_n (activities), ==, 2);
  second = tandem_list_get (activities, 1);
  g_assert_true (tandem_engagement_page_get_selected (log) == second);
  /* The next one starts on the same day, stage and method. */
  g_assert_cmpstr (tandem_activity_get_date (second), ==, "2026-03-12");
  g_assert_cmpint (tandem_activity_get_stage (second), ==, TANDEM_CHANGE_STAGE_CONSULTATION);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), title));
  tandem_ui_test_type_text (GTK_WIDGET (window), "Online survey");
  g_assert_cmpstr (tandem_activity_get_title (second), ==, "Online survey");
  g_assert_cmpstr (tandem_activity_get_title (first), ==, "Drop-in at the day centre");
  screenshot (window, "log");

  /* The reach cell and the gap sentence follow. */
  reach = show_reach (window);
  tandem_reach_page_refresh (reach);
  g_assert_cmpstr (accessible_label (tandem_reach_page_get_cell (reach, row,
                                                                 TANDEM_CHANGE_STAGE_CONSULTATION)),
                   ==, "People experiencing homelessness, Consultation: 1 activity, 14 people");
  g_assert_false (gaps_say (reach, "People experiencing homelessness: among those most affected; "
                                   "not reached at any stage."));
  g_assert_true (gaps_say (reach, "People experiencing homelessness: among those most affected; "
                                  "not reached before consultation"));
  screenshot (window, "reach");

  /* The overview states the gaps too. */
  tandem_window_select_object (window, TANDEM_OBJECT (document));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (find_saying (tandem_window_get_visible_page (window), ADW_TYPE_ACTION_ROW,
                                                "People experiencing homelessness: among those "
                                                "most affected; not reached before consultation"));
  screenshot (window, "overview");

  /* T5 claims co-design before consultation; the record says consulting: in words. */
  add_t5_claim (document, TANDEM_LADDER_RUNG_CO_DESIGN);
  first = tandem_list_get (activities, 0);
  tandem_document_begin (document, "Stage");
  tandem_activity_set_stage (first, TANDEM_CHANGE_STAGE_PRE_CONSULTATION);
  tandem_document_commit (document);
  ladder = TANDEM_LADDER_PAGE (tandem_window_select_page (window, "ladder-profile"));
  g_assert_true (TANDEM_IS_LADDER_PAGE (ladder));
  tandem_ladder_page_refresh (ladder);
  check = tandem_ladder_page_get_row (ladder, TANDEM_CHANGE_STAGE_PRE_CONSULTATION);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (check), "tandem-verdict"), ==, "Disagrees");
  g_assert_nonnull (strstr (accessible_label (check), "The self-assessment claims Co-design, but "
                                                      "the highest rung any activity reached is "
                                                      "Consulting."));
  g_assert_nonnull (find_saying (ladder, GTK_TYPE_LABEL,
                                                "The self-assessment and the record disagree at "
                                                "1 stage: Pre-consultation."));
  screenshot (window, "ladder");

  /* Removing a group an activity links to says so; Undo brings back both. */
  reach = show_reach (window);
  tandem_reach_page_remove_group (reach, homeless);
  dialog = GTK_WIDGET (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "1 activity links to this. Removing it removes that link"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  gtk_window_close (GTK_WINDOW (dialog));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_null (tandem_document_lookup (document, tandem_object_get_id (TANDEM_OBJECT (homeless))));
  g_assert_cmpuint (tandem_list_get_n (tandem_activity_get_groups (first)), ==, 0);
  tandem_document_undo (document);
  g_assert_true (tandem_document_lookup (document, tandem_object_get_id (TANDEM_OBJECT (homeless))) ==
                 TANDEM_OBJECT (homeless));
  g_assert_true (tandem_activity_reaches_group (first, homeless));

  /* Saved and opened again, all is there. */
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_false (tandem_document_get_modified (document));
  tandem_ui_test_close_window (window);

  reopened = new_window ();
  tandem_window_load (reopened, file);
  tandem_ui_test_wait_idle (reopened);
  document = tandem_window_get_document (reopened);
  activities = tandem_document_get_activities (document);
  g_assert_cmpuint (tandem_list_get_n (activities), ==, 2);
  first = tandem_list_get (activities, 0);
  g_assert_cmpstr (tandem_activity_get_title (first), ==, "Drop-in at the day centre");
  g_assert_cmpint (tandem_activity_get_participants (first), ==, 14);
  homeless = tandem_list_get (tandem_document_get_groups (document),
                              group_row (document, "homelessness"));
  g_assert_true (tandem_group_get_most_affected (homeless));
  g_assert_true (tandem_activity_reaches_group (first, homeless));
  log = show_log (reopened);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (tandem_engagement_page_get_list_view (log)))), ==, 2);
  tandem_ui_test_close_window (reopened);
}

static void
test_bad_participants (void)
{
  TandemWindow *window = new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemEngagementPage *log = show_log (window);
  TandemActivity *activity;
  GtkWidget *row;

  tandem_engagement_page_add_activity (log);
  activity = tandem_engagement_page_get_selected (log);
  row = field (log, ADW_TYPE_ENTRY_ROW, "_Number taking part");
  type_field (window, row, "12");
  g_assert_cmpint (tandem_activity_get_participants (activity), ==, 12);

  type_field (window, row, "twelve");
  /* One sentence says what is wrong and what to type; what was typed stays; the count too. */
  g_assert_nonnull (find_saying (log, GTK_TYPE_LABEL, "“twelve” is not a number of people. Type a whole "
                                                "number such as 12, or leave it empty when nobody "
                                                "counted."));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "twelve");
  g_assert_cmpint (tandem_activity_get_participants (activity), ==, 12);
  screenshot (window, "log-bad-count");

  type_field (window, row, "-3");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpint (tandem_activity_get_participants (activity), ==, 12);

  type_field (window, row, "99999999");
  g_assert_nonnull (find_saying (log, GTK_TYPE_LABEL, "more people than one activity can record"));
  g_assert_cmpint (tandem_activity_get_participants (activity), ==, 12);

  /* Emptied, the count stays until the field is left: then nobody counted. */
  type_field (window, row, "");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpint (tandem_activity_get_participants (activity), ==, 12);
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpint (tandem_activity_get_participants (activity), ==, 0);

  type_field (window, row, "30");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpint (tandem_activity_get_participants (activity), ==, 30);
  g_assert_true (tandem_document_can_undo (document));
  tandem_ui_test_close_window (window);
}

static void
test_bad_date (void)
{
  TandemWindow *window = new_window ();
  TandemEngagementPage *log = show_log (window);
  TandemActivity *activity;
  GtkWidget *row;

  tandem_engagement_page_add_activity (log);
  activity = tandem_engagement_page_get_selected (log);
  row = field (log, ADW_TYPE_ENTRY_ROW, "_Date, such as 14/01/2027");
  type_field (window, row, "14/01/2027");
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpstr (tandem_activity_get_date (activity), ==, "2027-01-14");

  type_field (window, row, "31/02/2027");
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31/02/2027");
  {
    GtkWidget *sentence = find_saying (log, GTK_TYPE_LABEL,
                                       "“31/02/2027” is not a day in the calendar");

    g_assert_nonnull (sentence);
    g_assert_true (gtk_widget_get_visible (sentence));
  }
  g_assert_cmpstr (tandem_activity_get_date (activity), ==, "2027-01-14");
  screenshot (window, "log-bad-date");

  type_field (window, row, "");
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (tandem_activity_get_date (activity), ==, "");
  g_assert_false (gtk_widget_get_visible (find_saying (log, GTK_TYPE_LABEL,
                                                       "is not a day in the calendar")));
  tandem_ui_test_close_window (window);
}

static void
test_attach_file (void)
{
  TandemWindow *window = new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemEngagementPage *log = show_log (window);
  g_autofree char *path = g_build_filename (scratch, "flip-chart.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TandemActivity *activity;
  TandemList *files;
  GtkWidget *remove_button;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (g_file_set_contents (path, "What people said at the drop-in", -1, &error));
  g_assert_no_error (error);

  tandem_engagement_page_add_activity (log);
  activity = tandem_engagement_page_get_selected (log);
  files = tandem_activity_get_attachments (activity);
  tandem_engagement_page_attach_file (log, file);
  /* Read off the main thread: wait for it, as the user does. */
  while (tandem_list_get_n (files) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (tandem_list_get_n (files), ==, 1);
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_nonnull (find_saying (log, ADW_TYPE_ACTION_ROW, "flip-chart.txt"));

  /* Removed with its button, and back with Undo. */
  remove_button = find_named (log, GTK_TYPE_BUTTON, "Remove the attached file “flip-chart.txt”");
  g_assert_nonnull (remove_button);
  tandem_ui_test_press_button (remove_button);
  g_assert_cmpuint (tandem_list_get_n (files), ==, 0);
  tandem_document_undo (document);
  g_assert_cmpuint (tandem_list_get_n (files), ==, 1);

  tandem_ui_test_close_window (window);
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tandem_ui_test_init (&argc, &argv);
  scratch = g_dir_make_tmp ("tandem-engagement-window-XXXXXX", NULL);

  g_test_add_func ("/engagement-window/log-reach-ladder", test_log_reach_ladder);
  g_test_add_func ("/engagement-window/bad-participants", test_bad_participants);
  g_test_add_func ("/engagement-window/bad-date", test_bad_date);
  g_test_add_func ("/engagement-window/attach-file", test_attach_file);

  status = g_test_run ();

  {
    g_autofree char *path = g_build_filename (scratch, "engagement.tandem", NULL);

    g_remove (path);
    g_rmdir (scratch);
  }

  return status;
}
