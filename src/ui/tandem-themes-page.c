/* tandem-themes-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-themes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-binding.h"
#include "tandem-dialogs.h"
#include "tandem-engagement.h"
#include "tandem-enums.h"
#include "tandem-labels.h"
#include "tandem-link-chooser.h"
#include "tandem-quote.h"
#include "tandem-step.h"
#include "tandem-theme-link.h"
#include "tandem-themes-page.h"

/*
 * "You said, we did": the themes people raised, each with the response of the proposal and how
 * it was fed back. A list on the left (a GtkListView over the document's themes, so a long
 * record scrolls without a widget per theme), the selected theme on the right.
 *
 * The list says in words and with an icon, never by colour alone, which themes have no
 * response yet or were not fed back. Typing is entered like the checklists: the "Add a theme"
 * field takes a title and Enter adds it and stays ready for the next one.
 *
 * A response that is not adopted (or partly) without a reason is kept as chosen, and the
 * model's sentence shows under the reason until one is written: the user is told, nothing is
 * refused or lost. Links to activities, groups, quotes and after-map steps are TandemThemeLinks;
 * a quote said without consent is refused with a sentence when chosen.
 */

struct _TandemThemesPage
{
  AdwBin               parent_instance;

  TandemDocument      *document;
  TandemTheme         *theme;         /* the one shown, owned */
  GtkSingleSelection  *selection;
  GtkCustomFilter     *filters[3];    /* sources, quotes, steps */
  char                *last_message;

  AdwEntryRow         *new_theme_row;
  GtkListView         *themes_view;
  GtkStack            *stack;
  GtkWidget           *editor_box;
  GtkWidget           *flags_box;
  GtkLabel            *flags_label;
  AdwEntryRow         *title_row;
  GtkSpinButton       *raised_spin;
  GtkTextView         *said_view;
  GtkMenuButton       *sources_button;
  GtkListBox          *sources_list;
  GtkMenuButton       *quotes_button;
  GtkListBox          *quotes_list;
  GtkLabel            *quote_message;
  AdwComboRow         *response_row;
  GtkTextView         *change_view;
  GtkTextView         *reason_view;
  GtkWidget           *reason_message_box;
  GtkLabel            *reason_message;
  GtkMenuButton       *steps_button;
  GtkListBox          *steps_list;
  AdwEntryRow         *fed_back_date_row;
  AdwEntryRow         *fed_back_how_row;
  GtkLabel            *date_message;

  guint                updating_date : 1;
  guint                updating_raised : 1;
};

G_DEFINE_FINAL_TYPE (TandemThemesPage, tandem_themes_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LIST_SOURCES,
  LIST_QUOTES,
  LIST_STEPS,
};

static void show_theme (TandemThemesPage *self,
                        TandemTheme      *theme);

/* Auxiliary methods */

static void
set_message (TandemThemesPage *self,
             const char       *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
}

static TandemObject *
link_target (TandemThemeLink *link)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (link));
  const char *id = tandem_theme_link_get_target (link);

  return document != NULL && id[0] != '\0' ? tandem_document_lookup (document, id) : NULL;
}

/* Which of the three lists a link shows in; a link to something removed shows among the
 * sources, where the user sees it and can take it away. */
static guint
link_list_of (TandemThemeLink *link)
{
  TandemObject *target = link_target (link);

  if (TANDEM_IS_QUOTE (target))
    return LIST_QUOTES;
  if (TANDEM_IS_STEP (target))
    return LIST_STEPS;

  return LIST_SOURCES;
}

static gboolean
filter_sources (gpointer item, gpointer user_data)
{
  return link_list_of (item) == LIST_SOURCES;
}

static gboolean
filter_quotes (gpointer item, gpointer user_data)
{
  return link_list_of (item) == LIST_QUOTES;
}

static gboolean
filter_steps (gpointer item, gpointer user_data)
{
  return link_list_of (item) == LIST_STEPS;
}

static void
update_flags (TandemThemesPage *self)
{
  TandemThemeFlags flags;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;

  if (self->theme == NULL)
    return;

  flags = tandem_theme_get_flags (self->theme);
  described = tandem_theme_flags_describe (flags);
  gtk_widget_set_visible (self->flags_box, flags != TANDEM_THEME_FLAG_NONE);
  gtk_label_set_text (self->flags_label, described != NULL ? described : "");

  /* The sentence under the reason says why the response is not complete; the response the
   * user chose stays chosen. */
  if (!tandem_theme_check_response (self->theme, &error))
    {
      gtk_label_set_text (self->reason_message, error->message);
      gtk_widget_set_visible (self->reason_message_box, TRUE);
      set_message (self, error->message);
    }
  else
    {
      gtk_widget_set_visible (self->reason_message_box, FALSE);
    }
}

static void
fed_back_date_from_model (TandemThemesPage *self)
{
  const char *stored = tandem_theme_get_fed_back_date (self->theme);
  g_autofree char *typed = tandem_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->fed_back_date_row)), NULL);
  g_autofree char *shown = NULL;
  unsigned day, month, year;

  /* What the field says already means the stored date: leave the typing alone. */
  if (typed != NULL && g_strcmp0 (typed, stored) == 0)
    return;

  if (sscanf (stored, "%4u-%2u-%2u", &year, &month, &day) == 3)
    shown = g_strdup_printf ("%02u/%02u/%04u", day, month, year);

  self->updating_date = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->fed_back_date_row), shown ? shown : stored);
  gtk_widget_remove_css_class (GTK_WIDGET (self->fed_back_date_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->date_message), FALSE);
  self->updating_date = FALSE;
}

static void
on_theme_notify_cb (TandemThemesPage *self,
                    GParamSpec       *pspec)
{
  if (g_strcmp0 (pspec->name, "fed-back-date") == 0)
    fed_back_date_from_model (self);
  if (g_strcmp0 (pspec->name, "raised-by") == 0)
    {
      self->updating_raised = TRUE;
      gtk_spin_button_set_value (self->raised_spin, tandem_theme_get_raised_by (self->theme));
      self->updating_raised = FALSE;
    }
  update_flags (self);
}

static void
on_link_remove_clicked_cb (GtkButton       *button,
                           TandemThemeLink *link)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (link));
  TandemObject *theme = tandem_object_get_parent (TANDEM_OBJECT (link));

  if (document == NULL || !TANDEM_IS_THEME (theme))
    return;

  tandem_document_begin (document, _("Remove Link"));
  tandem_list_remove_object (tandem_theme_get_links (TANDEM_THEME (theme)), TANDEM_OBJECT (link));
  tandem_document_commit (document);
}

static void
on_link_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          gpointer       user_data)
{
  TandemThemeLink *link = g_object_get_data (G_OBJECT (row), "tandem-object");

  tandem_link_target_open (GTK_WIDGET (list), link_target (link));
}

static GtkWidget *
create_link_row (gpointer item,
                 gpointer user_data)
{
  TandemThemeLink *link = item;
  TandemObject *target = link_target (link);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *icon;
  g_autofree char *title = NULL;
  g_autofree char *remove_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (target != NULL)
    {
      title = tandem_link_target_dup_title (target);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tandem_link_target_kind_label (target));
      gtk_widget_set_tooltip_text (row, _("Open what this links to"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  else
    {
      title = g_strdup (_("Removed from the project"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("What this linked to is no longer in the project; remove "
                                     "the link."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  icon = gtk_image_new_from_icon_name (tandem_link_target_icon_name (target));
  tandem_hide_from_accessibility (icon);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  remove_label = g_strdup_printf (_("Remove the link to “%s”"), title);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the link"));
  tandem_set_accessible_label (remove, remove_label);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_link_remove_clicked_cb), link, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data_full (G_OBJECT (row), "tandem-object", g_object_ref (link), g_object_unref);

  return row;
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

static void
unbind_theme (TandemThemesPage *self)
{
  if (self->theme == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->theme, self);
  tandem_unbind (GTK_WIDGET (self->title_row));
  tandem_unbind (GTK_WIDGET (self->said_view));
  tandem_unbind (GTK_WIDGET (self->response_row));
  tandem_unbind (GTK_WIDGET (self->change_view));
  tandem_unbind (GTK_WIDGET (self->reason_view));
  tandem_unbind (GTK_WIDGET (self->fed_back_how_row));
  gtk_list_box_bind_model (self->sources_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->quotes_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->steps_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->theme);
}

static void
bind_links (TandemThemesPage *self,
            GtkListBox       *list,
            guint             which)
{
  TandemList *links = tandem_theme_get_links (self->theme);
  g_autoptr(GtkFilterListModel) filtered =
    gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (links)),
                               g_object_ref (GTK_FILTER (self->filters[which])));

  gtk_list_box_bind_model (list, G_LIST_MODEL (filtered), create_link_row, self, NULL);
}

static void
show_theme (TandemThemesPage *self,
            TandemTheme      *theme)
{
  TandemObject *object = TANDEM_OBJECT (theme);

  if (self->theme == theme)
    return;

  unbind_theme (self);
  gtk_widget_set_visible (GTK_WIDGET (self->quote_message), FALSE);

  if (theme == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->theme = g_object_ref (theme);
  tandem_bind_editable (GTK_EDITABLE (self->title_row), object, "title", _("Edit Theme"));
  tandem_bind_text_view (self->said_view, object, "said", _("Edit What People Said"));
  tandem_bind_combo_enum (self->response_row, object, "response", _("Change Response"));
  tandem_bind_text_view (self->change_view, object, "change", _("Edit What Changed"));
  tandem_bind_text_view (self->reason_view, object, "reason", _("Edit Reason"));
  tandem_bind_editable (GTK_EDITABLE (self->fed_back_how_row), object, "fed-back-how",
                        _("Edit How It Was Fed Back"));

  self->updating_raised = TRUE;
  gtk_spin_button_set_value (self->raised_spin, tandem_theme_get_raised_by (theme));
  self->updating_raised = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->fed_back_date_row), "");
  fed_back_date_from_model (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    gtk_filter_changed (GTK_FILTER (self->filters[i]), GTK_FILTER_CHANGE_DIFFERENT);
  bind_links (self, self->sources_list, LIST_SOURCES);
  bind_links (self, self->quotes_list, LIST_QUOTES);
  bind_links (self, self->steps_list, LIST_STEPS);

  g_signal_connect_object (theme, "notify", G_CALLBACK (on_theme_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_flags (self);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
update_from_selection (TandemThemesPage *self)
{
  show_theme (self, gtk_single_selection_get_selected_item (self->selection));
}

/* The list */

static void
update_list_row (GtkWidget   *box,
                 TandemTheme *theme)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *response = gtk_widget_get_next_sibling (title);
  GtkWidget *flags_box = gtk_widget_get_next_sibling (response);
  GtkWidget *flags_label = gtk_widget_get_last_child (flags_box);
  TandemThemeFlags flags = tandem_theme_get_flags (theme);
  g_autofree char *described = tandem_theme_flags_describe (flags);
  g_autofree char *accessible = NULL;
  const char *text = tandem_theme_get_title (theme);
  int raised = tandem_theme_get_raised_by (theme);
  g_autofree char *summary = NULL;

  if (text[0] == '\0')
    text = _("Untitled theme");
  gtk_label_set_text (GTK_LABEL (title), text);

  if (raised > 0)
    /* TRANSLATORS: under a theme: its response and how many raised it: "Adopted · raised by 12" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · raised by %d person",
                                            "%s · raised by %d people", raised),
                               tandem_theme_response_to_label (tandem_theme_get_response (theme)),
                               raised);
  else
    summary = g_strdup (tandem_theme_response_to_label (tandem_theme_get_response (theme)));
  gtk_label_set_text (GTK_LABEL (response), summary);

  gtk_widget_set_visible (flags_box, flags != TANDEM_THEME_FLAG_NONE);
  gtk_label_set_text (GTK_LABEL (flags_label), described != NULL ? described : "");

  accessible = flags != TANDEM_THEME_FLAG_NONE && described != NULL
               ? g_strdup_printf ("%s. %s. %s", text, summary, described)
               : g_strdup_printf ("%s. %s", text, summary);
  tandem_set_accessible_label (box, accessible);
}

static void
on_list_theme_notify_cb (GtkWidget  *box,
                         GParamSpec *pspec,
                         gpointer    unused)
{
  TandemTheme *theme = g_object_get_data (G_OBJECT (box), "tandem-theme");

  if (theme != NULL)
    update_list_row (box, theme);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *response = gtk_label_new (NULL);
  GtkWidget *flags_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *flags_label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (response), 0);
  gtk_label_set_ellipsize (GTK_LABEL (response), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (response, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (flags_label), 0);
  gtk_label_set_wrap (GTK_LABEL (flags_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (flags_label), 60);
  gtk_widget_set_hexpand (flags_label, TRUE);
  gtk_widget_add_css_class (flags_box, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  tandem_hide_from_accessibility (icon);

  gtk_box_append (GTK_BOX (flags_box), icon);
  gtk_box_append (GTK_BOX (flags_box), flags_label);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), response);
  gtk_box_append (GTK_BOX (box), flags_box);
  gtk_list_item_set_child (item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  TandemTheme *theme = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (box), "tandem-theme", g_object_ref (theme), g_object_unref);
  g_signal_connect_object (theme, "notify", G_CALLBACK (on_list_theme_notify_cb), box,
                           G_CONNECT_SWAPPED);
  update_list_row (box, theme);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  TandemTheme *theme = g_object_get_data (G_OBJECT (box), "tandem-theme");

  if (theme != NULL)
    g_signal_handlers_disconnect_by_func (theme, on_list_theme_notify_cb, box);
  g_object_set_data (G_OBJECT (box), "tandem-theme", NULL);
}

/* Callbacks */

static void
on_new_theme_apply_cb (TandemThemesPage *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_theme_row))));
  g_autoptr(TandemTheme) theme = NULL;
  TandemList *themes;

  if (self->document == NULL || title[0] == '\0')
    return;

  themes = tandem_document_get_themes (self->document);
  theme = tandem_theme_new ();
  tandem_theme_set_title (theme, title);
  tandem_document_begin (self->document, _("Add Theme"));
  tandem_list_append (themes, theme);
  tandem_document_commit (self->document);

  /* The field stays ready for the next theme, as the checklists' new-question field does. */
  gtk_editable_set_text (GTK_EDITABLE (self->new_theme_row), "");
  tandem_themes_page_select_theme (self, theme);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_theme_row));
}

static void
on_raised_changed_cb (TandemThemesPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  int raised = gtk_spin_button_get_value_as_int (self->raised_spin);

  if (self->updating_raised || self->theme == NULL ||
      raised == tandem_theme_get_raised_by (self->theme))
    return;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, raised);
  tandem_set_property_undoable (TANDEM_OBJECT (self->theme), "raised-by", &value,
                                _("Edit How Many Raised It"), TRUE);
}

static void
on_fed_back_date_changed_cb (TandemThemesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating_date || self->theme == NULL)
    return;

  /* A text that is not a date yet is kept as typed, said so, and changes nothing. */
  iso = tandem_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->fed_back_date_row)), &error);
  if (iso == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->fed_back_date_row), "error");
      gtk_label_set_text (self->date_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->date_message), TRUE);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->fed_back_date_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->date_message), FALSE);
  if (g_strcmp0 (iso, tandem_theme_get_fed_back_date (self->theme)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, iso);
  self->updating_date = TRUE;
  tandem_set_property_undoable (TANDEM_OBJECT (self->theme), "fed-back-date", &value,
                                _("Edit Date Fed Back"), TRUE);
  self->updating_date = FALSE;
}

static void
on_remove_clicked_cb (TandemThemesPage *self)
{
  if (self->theme != NULL)
    tandem_themes_page_remove_theme (self, self->theme);
}

static void
on_chosen_cb (TandemThemesPage *self,
              TandemObject     *target)
{
  tandem_themes_page_link_target (self, target);
}

static void
on_document_changed_cb (TandemThemesPage *self)
{
  /* A link's target can come and go with undo; the lists sort links by what they point to. */
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    gtk_filter_changed (GTK_FILTER (self->filters[i]), GTK_FILTER_CHANGE_DIFFERENT);

  if (self->theme != NULL &&
      tandem_document_lookup (self->document, tandem_object_get_id (TANDEM_OBJECT (self->theme))) !=
      TANDEM_OBJECT (self->theme))
    update_from_selection (self);
}

static GtkWidget *
attach_chooser (TandemThemesPage *self,
                GtkMenuButton    *button,
                TandemLinkKinds   kinds,
                const char       *placeholder)
{
  GtkWidget *chooser = tandem_link_chooser_new (kinds, placeholder);

  tandem_link_chooser_set_document (TANDEM_LINK_CHOOSER (chooser), self->document);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, chooser);
  return chooser;
}

static void
tandem_themes_page_constructed (GObject *object)
{
  TandemThemesPage *self = TANDEM_THEMES_PAGE (object);

  G_OBJECT_CLASS (tandem_themes_page_parent_class)->constructed (object);

  g_return_if_fail (TANDEM_IS_DOCUMENT (self->document));

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (tandem_document_get_themes (self->document))));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->themes_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_from_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);

  attach_chooser (self, self->sources_button, TANDEM_LINK_KIND_ACTIVITY | TANDEM_LINK_KIND_GROUP,
                  _("Search activities and groups"));
  attach_chooser (self, self->quotes_button, TANDEM_LINK_KIND_QUOTE, _("Search quotes"));
  attach_chooser (self, self->steps_button, TANDEM_LINK_KIND_AFTER_STEP,
                  _("Search steps of the after maps"));

  update_from_selection (self);
}

static void
tandem_themes_page_dispose (GObject *object)
{
  TandemThemesPage *self = TANDEM_THEMES_PAGE (object);

  unbind_theme (self);
  if (self->themes_view != NULL)
    gtk_list_view_set_model (self->themes_view, NULL);
  g_clear_object (&self->selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_THEMES_PAGE);

  G_OBJECT_CLASS (tandem_themes_page_parent_class)->dispose (object);
}

static void
tandem_themes_page_finalize (GObject *object)
{
  TandemThemesPage *self = TANDEM_THEMES_PAGE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    g_clear_object (&self->filters[i]);
  g_clear_object (&self->document);
  g_free (self->last_message);

  G_OBJECT_CLASS (tandem_themes_page_parent_class)->finalize (object);
}

static void
tandem_themes_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TandemThemesPage *self = TANDEM_THEMES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_themes_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TandemThemesPage *self = TANDEM_THEMES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_themes_page_class_init (TandemThemesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_themes_page_constructed;
  object_class->dispose = tandem_themes_page_dispose;
  object_class->finalize = tandem_themes_page_finalize;
  object_class->set_property = tandem_themes_page_set_property;
  object_class->get_property = tandem_themes_page_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TANDEM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tandem/Tandem/ui/tandem-themes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, new_theme_row);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, themes_view);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, flags_box);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, flags_label);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, raised_spin);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, said_view);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, sources_button);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, sources_list);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, quotes_button);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, quote_message);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, response_row);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, change_view);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, reason_view);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, reason_message_box);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, reason_message);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, steps_button);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, fed_back_date_row);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, fed_back_how_row);
  gtk_widget_class_bind_template_child (widget_class, TandemThemesPage, date_message);
  gtk_widget_class_bind_template_callback (widget_class, on_new_theme_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fed_back_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
tandem_themes_page_init (TandemThemesPage *self)
{
  g_autoptr(GtkStringList) responses = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (TANDEM_TYPE_THEME_RESPONSE);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The combo's rows follow the enum's order, as tandem_bind_combo_enum() expects. */
  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (responses, tandem_theme_response_to_label (enum_class->values[i].value));
  adw_combo_row_set_model (self->response_row, G_LIST_MODEL (responses));

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->themes_view, factory);
  g_object_unref (factory);

  self->filters[LIST_SOURCES] = gtk_custom_filter_new (filter_sources, NULL, NULL);
  self->filters[LIST_QUOTES] = gtk_custom_filter_new (filter_quotes, NULL, NULL);
  self->filters[LIST_STEPS] = gtk_custom_filter_new (filter_steps, NULL, NULL);

  gtk_list_box_set_placeholder (self->sources_list,
                                make_placeholder (_("No activity or group linked yet")));
  gtk_list_box_set_placeholder (self->quotes_list, make_placeholder (_("No quote linked yet")));
  gtk_list_box_set_placeholder (self->steps_list,
                                make_placeholder (_("No step of an after map linked yet")));
  g_signal_connect (self->sources_list, "row-activated", G_CALLBACK (on_link_row_activated_cb), NULL);
  g_signal_connect (self->quotes_list, "row-activated", G_CALLBACK (on_link_row_activated_cb), NULL);
  g_signal_connect (self->steps_list, "row-activated", G_CALLBACK (on_link_row_activated_cb), NULL);
  g_signal_connect_swapped (self->raised_spin, "value-changed", G_CALLBACK (on_raised_changed_cb),
                            self);
}

/* Public API */

GtkWidget *
tandem_themes_page_new (TandemDocument *document)
{
  return g_object_new (TANDEM_TYPE_THEMES_PAGE, "document", document, NULL);
}

/**
 * tandem_themes_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the theme shown
 */
TandemTheme *
tandem_themes_page_get_selected (TandemThemesPage *self)
{
  g_return_val_if_fail (TANDEM_IS_THEMES_PAGE (self), NULL);

  return self->theme;
}

void
tandem_themes_page_select_theme (TandemThemesPage *self,
                                 TandemTheme      *theme)
{
  TandemList *themes;

  g_return_if_fail (TANDEM_IS_THEMES_PAGE (self));
  g_return_if_fail (TANDEM_IS_THEME (theme));

  themes = tandem_document_get_themes (self->document);
  for (guint i = 0; i < tandem_list_get_n (themes); i++)
    {
      if (tandem_list_get (themes, i) != (gpointer)theme)
        continue;

      gtk_single_selection_set_selected (self->selection, i);
      gtk_widget_activate_action (GTK_WIDGET (self->themes_view), "list.scroll-to-item", "u", i);
      update_from_selection (self);
      return;
    }
}

/**
 * tandem_themes_page_remove_theme:
 *
 * Removes @theme and the links to it (evidence of checklist answers) in one undoable step, and
 * says what linked to it in a toast with Undo.
 */
void
tandem_themes_page_remove_theme (TandemThemesPage *self,
                                 TandemTheme      *theme)
{
  g_autofree char *links = NULL;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (TANDEM_IS_THEMES_PAGE (self));
  g_return_if_fail (TANDEM_IS_THEME (theme));

  title = tandem_link_target_dup_title (TANDEM_OBJECT (theme));
  {
    g_autoptr(GPtrArray) removed = g_ptr_array_new ();

    g_ptr_array_add (removed, theme);
    links = tandem_link_describe_removal (self->document, removed);
  }
  /* TRANSLATORS: %s is a theme's title; a sentence about links may follow */
  message = links != NULL ? g_strdup_printf (_("Theme “%s” removed. %s"), title, links)
                          : g_strdup_printf (_("Theme “%s” removed"), title);

  tandem_engagement_remove (self->document, TANDEM_OBJECT (theme), _("Remove Theme"));
  set_message (self, message);
  tandem_show_toast (GTK_WIDGET (self), message, TRUE);
}

/**
 * tandem_themes_page_link_target:
 *
 * Links the theme shown to @target (what the choosers offer); a quote said without consent is
 * refused with a sentence, and a second link to the same target is not made.
 */
void
tandem_themes_page_link_target (TandemThemesPage *self,
                                TandemObject     *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemThemeLink) link = NULL;
  TandemList *links;
  const char *id;

  g_return_if_fail (TANDEM_IS_THEMES_PAGE (self));
  g_return_if_fail (TANDEM_IS_OBJECT (target));

  if (self->theme == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->quote_message), FALSE);
  if (!tandem_link_target_check_quote (target, &error))
    {
      gtk_label_set_text (self->quote_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->quote_message), TRUE);
      set_message (self, error->message);
      return;
    }

  id = tandem_object_get_id (target);
  links = tandem_theme_get_links (self->theme);
  for (guint i = 0; i < tandem_list_get_n (links); i++)
    if (g_strcmp0 (tandem_theme_link_get_target (tandem_list_get (links, i)), id) == 0)
      return;

  link = tandem_theme_link_new ();
  tandem_theme_link_set_target (link, id);
  tandem_document_begin (self->document, _("Link to Theme"));
  tandem_list_append (links, link);
  tandem_document_commit (self->document);
}

const char *
tandem_themes_page_get_last_message (TandemThemesPage *self)
{
  g_return_val_if_fail (TANDEM_IS_THEMES_PAGE (self), NULL);

  return self->last_message;
}
