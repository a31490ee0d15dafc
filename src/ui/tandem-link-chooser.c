/* tandem-link-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-link-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "tandem-activity.h"
#include "tandem-dialogs.h"
#include "tandem-engagement-page.h"
#include "tandem-engagement.h"
#include "tandem-group.h"
#include "tandem-journey-canvas.h"
#include "tandem-journey-map.h"
#include "tandem-journey-page.h"
#include "tandem-journey-selection.h"
#include "tandem-journey.h"
#include "tandem-link-chooser.h"
#include "tandem-quote.h"
#include "tandem-step.h"
#include "tandem-theme.h"
#include "tandem-themes-page.h"
#include "tandem-window.h"

/*
 * A popover that finds something of the project to link to: a search field over a list of the
 * activities, groups, themes, journey steps and quotes it offers, each named by its title and
 * its kind. Typing narrows the list; Enter (or Down then Enter) chooses; the "chosen" signal
 * hands the object to the caller, which decides whether it may be linked (a quote without
 * consent may not) and records the link. The list is made afresh each time the popover opens,
 * so it is never out of date with the project.
 *
 * The target helpers below name and open whatever a theme or an evidence link points to, the
 * same way on the themes page and in the checklist's item editor.
 */

struct _TandemLinkChooser
{
  GtkPopover       parent_instance;

  TandemDocument  *document;  /* weak */
  TandemLinkKinds  kinds;
  GtkSearchEntry  *search;
  GtkListBox      *list;
  GtkLabel        *empty;
};

G_DEFINE_FINAL_TYPE (TandemLinkChooser, tandem_link_chooser, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Target helpers */

static TandemMapSide
step_side (TandemStep *step)
{
  TandemObject *map = tandem_object_get_parent (TANDEM_OBJECT (step));

  return TANDEM_IS_JOURNEY_MAP (map) ? tandem_journey_map_get_side (TANDEM_JOURNEY_MAP (map))
                                     : TANDEM_MAP_SIDE_BEFORE;
}

static char *
shorten (const char *text,
         guint       max)
{
  g_autofree char *one_line = g_strdup (text != NULL ? text : "");

  g_strdelimit (one_line, "\n\r\t", ' ');
  g_strstrip (one_line);
  if (g_utf8_strlen (one_line, -1) <= max)
    return g_steal_pointer (&one_line);

  {
    g_autofree char *cut = g_utf8_substring (one_line, 0, max - 1);

    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}

/**
 * tandem_link_target_dup_title:
 *
 * Returns: (transfer full): what a link to @target shows, e.g. the step's title with its journey
 */
char *
tandem_link_target_dup_title (TandemObject *target)
{
  g_return_val_if_fail (TANDEM_IS_OBJECT (target), NULL);

  if (TANDEM_IS_ACTIVITY (target))
    {
      const char *title = tandem_activity_get_title (TANDEM_ACTIVITY (target));

      return g_strdup (title[0] != '\0' ? title : _("Untitled activity"));
    }
  if (TANDEM_IS_GROUP (target))
    return g_strdup (tandem_group_get_name (TANDEM_GROUP (target)));
  if (TANDEM_IS_THEME (target))
    {
      const char *title = tandem_theme_get_title (TANDEM_THEME (target));

      return g_strdup (title[0] != '\0' ? title : _("Untitled theme"));
    }
  if (TANDEM_IS_STEP (target))
    {
      TandemJourney *journey = tandem_journey_for_object (target);
      const char *title = tandem_step_get_title (TANDEM_STEP (target));

      if (title[0] == '\0')
        title = _("Untitled step");
      if (journey == NULL)
        return g_strdup (title);
      /* TRANSLATORS: a step of a journey map: "Book a slot — Urgent care (after)" */
      return g_strdup_printf (step_side (TANDEM_STEP (target)) == TANDEM_MAP_SIDE_AFTER
                              ? _("%s — %s (after)") : _("%s — %s (before)"),
                              title, tandem_journey_get_title (journey));
    }
  if (TANDEM_IS_QUOTE (target))
    {
      TandemQuote *quote = TANDEM_QUOTE (target);
      g_autofree char *text = shorten (tandem_quote_get_text (quote), 60);
      const char *role = tandem_quote_get_speaker_role (quote);

      if (role[0] == '\0')
        return g_strdup_printf ("“%s”", text);
      /* TRANSLATORS: a quote and who said it: "“I waited hours” — Parent" */
      return g_strdup_printf (_("“%s” — %s"), text, role);
    }

  return g_strdup (tandem_object_get_kind (target));
}

const char *
tandem_link_target_kind_label (TandemObject *target)
{
  if (TANDEM_IS_ACTIVITY (target))
    return _("Activity");
  if (TANDEM_IS_GROUP (target))
    return _("Group");
  if (TANDEM_IS_THEME (target))
    return _("Theme");
  if (TANDEM_IS_STEP (target))
    return step_side (TANDEM_STEP (target)) == TANDEM_MAP_SIDE_AFTER ? _("After-map step")
                                                                     : _("Before-map step");
  if (TANDEM_IS_QUOTE (target))
    return tandem_quote_get_consent (TANDEM_QUOTE (target)) ? _("Quote")
                                                            : _("Quote, no consent to quote");

  return _("Removed");
}

const char *
tandem_link_target_icon_name (TandemObject *target)
{
  if (TANDEM_IS_ACTIVITY (target))
    return "x-office-calendar-symbolic";
  if (TANDEM_IS_GROUP (target))
    return "system-users-symbolic";
  if (TANDEM_IS_THEME (target))
    return "chat-message-new-symbolic";
  if (TANDEM_IS_STEP (target))
    return "mail-send-receive-symbolic";
  if (TANDEM_IS_QUOTE (target))
    return "avatar-default-symbolic";

  return "dialog-warning-symbolic";
}

/**
 * tandem_link_target_check_quote:
 *
 * Refuses a quote whose speaker did not consent to being quoted: such a quote is kept on its
 * step for the team, and is never linked to what goes to the board or back to the public.
 */
gboolean
tandem_link_target_check_quote (TandemObject  *target,
                                GError       **error)
{
  g_autofree char *title = NULL;

  if (!TANDEM_IS_QUOTE (target) || tandem_quote_get_consent (TANDEM_QUOTE (target)))
    return TRUE;

  title = tandem_link_target_dup_title (target);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
               _("%s was said without consent to quote, so it cannot be linked. Record the "
                 "speaker's consent on the quote in its journey first, or choose another quote."),
               title);
  return FALSE;
}

/**
 * tandem_link_describe_removal:
 * @objects: (element-type TandemObject): what is about to be removed
 *
 * What links to @objects, in a sentence to show when they are removed (the links go with them
 * in the same undo step; see tandem_document_commit()). Call it before the removal.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when nothing links to them
 */
char *
tandem_link_describe_removal (TandemDocument *document,
                              GPtrArray      *objects)
{
  guint n = 0;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  if (objects->len == 1)
    {
      g_autofree char *links = tandem_engagement_describe_links (document,
                                                                 g_ptr_array_index (objects, 0));
      g_autofree char *first = NULL;

      /* "the evidence of 1 answer link to this…" begins a sentence of its own here. */
      if (links == NULL)
        return NULL;
      first = g_utf8_strup (links, g_utf8_next_char (links) - links);
      return g_strconcat (first, g_utf8_next_char (links), NULL);
    }

  for (guint i = 0; i < objects->len; i++)
    {
      g_autoptr(GPtrArray) links = tandem_engagement_find_links_to (document,
                                                                    g_ptr_array_index (objects, i));

      n += links != NULL ? links->len : 0;
    }

  if (n == 0)
    return NULL;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u link from a theme, an activity or evidence points to "
                                       "these. Removing them removes it; Undo brings both back.",
                                       "%u links from themes, activities or evidence point to "
                                       "these. Removing them removes those links; Undo brings "
                                       "both back.", n), n);
}

/**
 * tandem_link_target_open:
 * @from: a widget of the window to open @target in
 *
 * Shows @target: a theme on the "You said, we did" page, a step or a quote's step selected on
 * its journey's map.
 */
void
tandem_link_target_open (GtkWidget    *from,
                         TandemObject *target)
{
  GtkRoot *root = gtk_widget_get_root (from);
  TandemWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (from));

  if (GTK_IS_WINDOW (root) && !TANDEM_IS_WINDOW (root))
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  if (!TANDEM_IS_WINDOW (root))
    return;
  window = TANDEM_WINDOW (root);

  if (target == NULL)
    {
      tandem_show_toast (from, _("What this linked to has been removed from the project"), FALSE);
      return;
    }

  if (TANDEM_IS_THEME (target))
    {
      GtkWidget *page = tandem_window_select_page (window, "you-said-we-did");

      if (page != NULL)
        tandem_themes_page_select_theme (TANDEM_THEMES_PAGE (page), TANDEM_THEME (target));
      return;
    }

  if (TANDEM_IS_QUOTE (target))
    target = tandem_object_get_parent (target);

  if (TANDEM_IS_STEP (target))
    {
      TandemJourney *journey = tandem_journey_for_object (target);
      GtkWidget *page;

      if (journey == NULL || !tandem_window_select_object (window, TANDEM_OBJECT (journey)))
        return;
      page = tandem_window_get_visible_page (window);
      if (TANDEM_IS_JOURNEY_PAGE (page))
        {
          TandemJourneyCanvas *canvas = tandem_journey_page_get_canvas (TANDEM_JOURNEY_PAGE (page));

          tandem_journey_selection_select_only (tandem_journey_canvas_get_selection (canvas), target);
          gtk_widget_grab_focus (GTK_WIDGET (canvas));
        }
      return;
    }

  if (TANDEM_IS_ACTIVITY (target))
    {
      TandemDocument *document = tandem_object_get_document (target);
      GtkWidget *page = tandem_window_select_page (window, "engagement-log");
      int position = tandem_list_index_of (tandem_document_get_activities (document), target);

      if (TANDEM_IS_ENGAGEMENT_PAGE (page) && position >= 0)
        tandem_engagement_page_select (TANDEM_ENGAGEMENT_PAGE (page), position);
      return;
    }

  if (TANDEM_IS_GROUP (target))
    tandem_window_select_page (window, "groups-and-reach");
}

/* Auxiliary methods */

static void
add_candidate (TandemLinkChooser *self,
               TandemObject      *object)
{
  g_autofree char *title = tandem_link_target_dup_title (object);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *search = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tandem_link_target_kind_label (object));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (tandem_link_target_icon_name (object)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  search = g_utf8_casefold (title, -1);
  g_object_set_data_full (G_OBJECT (row), "tandem-search", g_steal_pointer (&search), g_free);
  g_object_set_data_full (G_OBJECT (row), "tandem-object", g_object_ref (object), g_object_unref);
  gtk_list_box_append (self->list, row);
}

static void
add_list (TandemLinkChooser *self,
          TandemList        *list)
{
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    add_candidate (self, tandem_list_get (list, i));
}

static void
fill (TandemLinkChooser *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->document == NULL)
    return;

  if (self->kinds & TANDEM_LINK_KIND_THEME)
    add_list (self, tandem_document_get_themes (self->document));
  if (self->kinds & TANDEM_LINK_KIND_ACTIVITY)
    add_list (self, tandem_document_get_activities (self->document));
  if (self->kinds & TANDEM_LINK_KIND_GROUP)
    add_list (self, tandem_document_get_groups (self->document));

  if (self->kinds & (TANDEM_LINK_KIND_STEP | TANDEM_LINK_KIND_AFTER_STEP | TANDEM_LINK_KIND_QUOTE))
    {
      TandemList *journeys = tandem_document_get_journeys (self->document);

      for (guint j = 0; j < tandem_list_get_n (journeys); j++)
        {
          TandemList *maps = tandem_journey_get_maps (tandem_list_get (journeys, j));

          for (guint m = 0; m < tandem_list_get_n (maps); m++)
            {
              TandemJourneyMap *map = tandem_list_get (maps, m);
              TandemList *steps = tandem_journey_map_get_steps (map);
              gboolean after = tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_AFTER;
              gboolean want_steps = (self->kinds & TANDEM_LINK_KIND_STEP) ||
                                    ((self->kinds & TANDEM_LINK_KIND_AFTER_STEP) && after);

              for (guint s = 0; s < tandem_list_get_n (steps); s++)
                {
                  TandemStep *step = tandem_list_get (steps, s);

                  if (want_steps)
                    add_candidate (self, TANDEM_OBJECT (step));
                  if (self->kinds & TANDEM_LINK_KIND_QUOTE)
                    add_list (self, tandem_step_get_quotes (step));
                }
            }
        }
    }

  gtk_list_box_invalidate_filter (self->list);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  TandemLinkChooser *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *needle = NULL;

  if (text[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  return strstr (g_object_get_data (G_OBJECT (row), "tandem-search"), needle) != NULL;
}

static GtkListBoxRow *
first_visible_row (TandemLinkChooser *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child) &&
        filter_func (GTK_LIST_BOX_ROW (child), self))
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

static void
update_empty (TandemLinkChooser *self)
{
  gboolean any = first_visible_row (self) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->empty), !any);
  gtk_widget_set_visible (GTK_WIDGET (self->list), any);
}

/* Callbacks */

static void
on_search_changed_cb (TandemLinkChooser *self)
{
  gtk_list_box_invalidate_filter (self->list);
  update_empty (self);
}

static void
on_row_activated_cb (TandemLinkChooser *self,
                     GtkListBoxRow     *row)
{
  g_autoptr(TandemObject) object = g_object_ref (g_object_get_data (G_OBJECT (row), "tandem-object"));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, object);
}

static void
on_search_activate_cb (TandemLinkChooser *self)
{
  GtkListBoxRow *row = first_visible_row (self);

  if (row != NULL)
    on_row_activated_cb (self, row);
}

static void
on_search_stop_cb (TandemLinkChooser *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
on_search_key_pressed_cb (TandemLinkChooser *self,
                          guint              keyval,
                          guint              keycode,
                          GdkModifierType    state)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = first_visible_row (self);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

static void
on_show_cb (TandemLinkChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  fill (self);
  update_empty (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
tandem_link_chooser_dispose (GObject *object)
{
  TandemLinkChooser *self = TANDEM_LINK_CHOOSER (object);

  g_clear_weak_pointer (&self->document);

  G_OBJECT_CLASS (tandem_link_chooser_parent_class)->dispose (object);
}

static void
tandem_link_chooser_class_init (TandemLinkChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_link_chooser_dispose;

  /**
   * TandemLinkChooser::chosen:
   * @object: the activity, group, theme, step or quote chosen
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, TANDEM_TYPE_OBJECT);
}

static void
tandem_link_chooser_init (TandemLinkChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  self->empty = GTK_LABEL (gtk_label_new (_("Nothing in the project matches")));

  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What can be linked"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->empty), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->empty), 12);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_widget_set_size_request (scrolled, 360, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty));
  gtk_popover_set_child (GTK_POPOVER (self), box);

  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search, "stop-search", G_CALLBACK (on_search_stop_cb), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect_swapped (self, "show", G_CALLBACK (on_show_cb), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search), keys);
}

/**
 * tandem_link_chooser_new:
 * @kinds: what the chooser offers
 * @placeholder: what the search field says, and its accessible name
 */
GtkWidget *
tandem_link_chooser_new (TandemLinkKinds  kinds,
                         const char      *placeholder)
{
  TandemLinkChooser *self = g_object_new (TANDEM_TYPE_LINK_CHOOSER, NULL);

  self->kinds = kinds;
  g_object_set (self->search, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);

  return GTK_WIDGET (self);
}

void
tandem_link_chooser_set_document (TandemLinkChooser *self,
                                  TandemDocument    *document)
{
  g_return_if_fail (TANDEM_IS_LINK_CHOOSER (self));

  g_set_weak_pointer (&self->document, document);
}

GtkWidget *
tandem_link_chooser_get_search (TandemLinkChooser *self)
{
  g_return_val_if_fail (TANDEM_IS_LINK_CHOOSER (self), NULL);

  return GTK_WIDGET (self->search);
}
