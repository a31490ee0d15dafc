/* tandem-themes-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"
#include "tandem-theme.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_THEMES_PAGE (tandem_themes_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemThemesPage, tandem_themes_page, TANDEM, THEMES_PAGE, AdwBin)

GtkWidget   *tandem_themes_page_new              (TandemDocument   *document);
TandemTheme *tandem_themes_page_get_selected     (TandemThemesPage *self);
void         tandem_themes_page_select_theme     (TandemThemesPage *self,
                                                  TandemTheme      *theme);
void         tandem_themes_page_remove_theme     (TandemThemesPage *self,
                                                  TandemTheme      *theme);
void         tandem_themes_page_link_target      (TandemThemesPage *self,
                                                  TandemObject     *target);
const char  *tandem_themes_page_get_last_message (TandemThemesPage *self);

G_END_DECLS
