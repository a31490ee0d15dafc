/* tandem-ui-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-application.h"
#include "tandem-window.h"

G_BEGIN_DECLS

TandemApplication *tandem_ui_test_init            (int           *argc,
                                                   char       ***argv);
TandemApplication *tandem_ui_test_get_application (void);
void               tandem_ui_test_set_reviewer    (const char *name,
                                                   const char *role);
void               tandem_ui_test_press_button    (GtkWidget  *button);
TandemWindow      *tandem_ui_test_new_window      (void);
void               tandem_ui_test_wait_idle       (TandemWindow  *window);
void               tandem_ui_test_iterate         (void);
AdwMessageDialog  *tandem_ui_test_find_dialog     (GtkWindow     *parent);
void               tandem_ui_test_close_window    (TandemWindow  *window);
GtkWidget         *tandem_ui_test_find_widget     (GtkWidget     *root,
                                                   GType          type,
                                                   const char    *title_or_label);

void               tandem_ui_test_settle          (GtkWidget       *window);
void               tandem_ui_test_press_key       (GtkWidget       *window,
                                                   guint            keyval,
                                                   GdkModifierType  modifiers);
void               tandem_ui_test_tab_to          (GtkWidget       *window,
                                                   GtkWidget       *target);
void               tandem_ui_test_type_text       (GtkWidget       *window,
                                                   const char      *text);
typedef gboolean (*TandemUiTestCondition) (gpointer data);
gboolean           tandem_ui_test_real_key        (GtkWidget              *window,
                                                   const char             *key,
                                                   TandemUiTestCondition   done,
                                                   gpointer                data);

G_END_DECLS
