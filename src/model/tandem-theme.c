/* tandem-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-theme"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"
#include "tandem-activity.h"
#include "tandem-theme-link.h"

#include "tandem-theme.h"

/*
 * "You said, we did": a theme people raised, how many raised it, what the project did with
 * it and why, and when and how that was fed back. Its sources (activities, groups), consented
 * quotes from the journeys and the after-map steps that carry the change are its links.
 */

struct _TandemTheme
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemTheme, tandem_theme, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SAID,
  PROP_RAISED_BY,
  PROP_RESPONSE,
  PROP_CHANGE,
  PROP_REASON,
  PROP_FED_BACK_DATE,
  PROP_FED_BACK_HOW,
  PROP_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_theme_class_init (TandemThemeClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "theme");

  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_SAID] = TANDEM_PARAM_STRING ("said", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_RAISED_BY] = TANDEM_PARAM_INT ("raised-by", 0, TANDEM_ACTIVITY_MAX_PARTICIPANTS, 0);
  properties[PROP_RESPONSE] = TANDEM_PARAM_ENUM ("response", TANDEM_TYPE_THEME_RESPONSE, TANDEM_THEME_RESPONSE_NONE);
  properties[PROP_CHANGE] = TANDEM_PARAM_STRING ("change", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_REASON] = TANDEM_PARAM_STRING ("reason", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_FED_BACK_DATE] = TANDEM_PARAM_STRING ("fed-back-date", TANDEM_FIELD_DATE);
  properties[PROP_FED_BACK_HOW] = TANDEM_PARAM_STRING ("fed-back-how", TANDEM_FIELD_TEXT);
  properties[PROP_LINKS] = tandem_param_children ("links", NULL, TANDEM_TYPE_THEME_LINK);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_theme_init (TandemTheme *self)
{
}

TandemTheme *
tandem_theme_new (void)
{
  return g_object_new (TANDEM_TYPE_THEME, NULL);
}

TANDEM_STRING_FIELD (TandemTheme, tandem_theme, title, PROP_TITLE)
TANDEM_STRING_FIELD (TandemTheme, tandem_theme, said, PROP_SAID)
TANDEM_SCALAR_FIELD (TandemTheme, tandem_theme, raised_by, PROP_RAISED_BY, int, int)
TANDEM_SCALAR_FIELD (TandemTheme, tandem_theme, response, PROP_RESPONSE, TandemThemeResponse, enum)
TANDEM_STRING_FIELD (TandemTheme, tandem_theme, change, PROP_CHANGE)
TANDEM_STRING_FIELD (TandemTheme, tandem_theme, reason, PROP_REASON)
TANDEM_STRING_FIELD (TandemTheme, tandem_theme, fed_back_date, PROP_FED_BACK_DATE)
TANDEM_STRING_FIELD (TandemTheme, tandem_theme, fed_back_how, PROP_FED_BACK_HOW)
TANDEM_LIST_FIELD (TandemTheme, tandem_theme, links, PROP_LINKS)
