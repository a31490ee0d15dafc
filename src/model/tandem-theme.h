/* tandem-theme.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_THEME (tandem_theme_get_type ())

G_DECLARE_FINAL_TYPE (TandemTheme, tandem_theme, TANDEM, THEME, TandemObject)

TandemTheme *tandem_theme_new (void);
const char *tandem_theme_get_title (TandemTheme *self);
void tandem_theme_set_title (TandemTheme *self,
    const char *value);
const char *tandem_theme_get_said (TandemTheme *self);
void tandem_theme_set_said (TandemTheme *self,
    const char *value);
int tandem_theme_get_raised_by (TandemTheme *self);
void tandem_theme_set_raised_by (TandemTheme *self,
    int value);
TandemThemeResponse tandem_theme_get_response (TandemTheme *self);
void tandem_theme_set_response (TandemTheme *self,
    TandemThemeResponse value);
const char *tandem_theme_get_change (TandemTheme *self);
void tandem_theme_set_change (TandemTheme *self,
    const char *value);
const char *tandem_theme_get_reason (TandemTheme *self);
void tandem_theme_set_reason (TandemTheme *self,
    const char *value);
const char *tandem_theme_get_fed_back_date (TandemTheme *self);
void tandem_theme_set_fed_back_date (TandemTheme *self,
    const char *value);
const char *tandem_theme_get_fed_back_how (TandemTheme *self);
void tandem_theme_set_fed_back_how (TandemTheme *self,
    const char *value);
TandemList *tandem_theme_get_links (TandemTheme *self);

G_END_DECLS
