/* tandem-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-application.h"
#include "tandem-document.h"
#include "tandem-recovery.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_WINDOW (tandem_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemWindow, tandem_window, TANDEM, WINDOW, AdwApplicationWindow)

TandemWindow   *tandem_window_new           (TandemApplication   *application);
TandemDocument *tandem_window_get_document  (TandemWindow        *self);
GFile          *tandem_window_get_file      (TandemWindow        *self);
const char     *tandem_window_get_file_id   (TandemWindow        *self);
gboolean        tandem_window_is_read_only  (TandemWindow        *self);
gboolean        tandem_window_is_pristine   (TandemWindow        *self);
gboolean        tandem_window_is_busy       (TandemWindow        *self);
void            tandem_window_load          (TandemWindow        *self,
                                             GFile               *file);
void            tandem_window_save_to       (TandemWindow        *self,
                                             GFile               *file);
void            tandem_window_recover       (TandemWindow        *self,
                                             TandemRecoveryEntry *entry);
void            tandem_window_show_object   (TandemWindow        *self,
                                             TandemObject        *object);
GtkWidget      *tandem_window_get_visible_page (TandemWindow     *self);
GtkWidget      *tandem_window_get_projector (TandemWindow        *self);
gboolean        tandem_window_get_fullscreen_requested (TandemWindow *self);
const char     *tandem_window_get_last_error (TandemWindow       *self);
gboolean        tandem_window_select_object (TandemWindow        *self,
                                             TandemObject        *object);
GtkWidget      *tandem_window_select_page   (TandemWindow        *self,
                                             const char          *page_id);
GtkWindow      *tandem_window_new_checklist (TandemWindow        *self);
void            tandem_window_merge_from_async  (TandemWindow        *self,
                                                 GFile               *file,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GtkWindow      *tandem_window_merge_from_finish (TandemWindow        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
