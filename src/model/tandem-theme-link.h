/* tandem-theme-link.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_THEME_LINK (tandem_theme_link_get_type ())

G_DECLARE_FINAL_TYPE (TandemThemeLink, tandem_theme_link, TANDEM, THEME_LINK, TandemObject)

TandemThemeLink *tandem_theme_link_new (void);
const char *tandem_theme_link_get_target (TandemThemeLink *self);
void tandem_theme_link_set_target (TandemThemeLink *self,
    const char *value);

G_END_DECLS
