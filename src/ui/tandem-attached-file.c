/* tandem-attached-file.c: opening a file attached to a project, for the checklist evidence
 * and the engagement log alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-attached-file.h"
#include "tandem-attachment-cache.h"
#include "tandem-attachment.h"
#include "tandem-dialogs.h"
#include "tandem-storage.h"

typedef struct
{
  char   *hash;
  char   *name;
  GBytes *bytes;   /* in memory, or */
  char   *source;  /* the Tandem file to read it from */
  char   *folder;  /* where the copies of this document's attachments go */
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_free (open->hash);
  g_free (open->name);
  g_clear_pointer (&open->bytes, g_bytes_unref);
  g_free (open->source);
  g_free (open->folder);
  g_free (open);
}

static char *
safe_file_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name && name[0] ? name : "attachment");

  g_strdelimit (base, "/\\:", '-');
  if (base[0] == '.' || base[0] == '\0')
    return g_strconcat ("attachment", base, NULL);

  return g_steal_pointer (&base);
}

/* A worker thread reads the stored file (perhaps from the project file on disk) and writes a
 * read-only temporary copy to open; the attachment inside the project is never touched. The
 * copy is removed when the document closes (tandem-attachment-cache.c). */
static void
open_attachment_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  OpenData *open = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = safe_file_name (open->name);
  g_autofree char *path = NULL;

  bytes = open->bytes != NULL ? g_bytes_ref (open->bytes)
                              : tandem_storage_read_blob_from_file (open->source, open->hash, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  path = tandem_attachment_cache_write (open->folder, open->hash, name, bytes, &error);
  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_filename_to_uri (path, NULL, NULL), g_free);
}

static void
on_attachment_opened_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GtkWidget) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_task_propagate_pointer (G_TASK (result), &error);

  if (uri == NULL)
    {
      tandem_show_error (self, _("Could Not Open the Attached File"), error->message);
      return;
    }

  tandem_open_uri (self, uri);
}

static void
open_attachment_now (GtkWidget      *widget,
                     TandemDocument *document,
                     const char     *blob,
                     const char     *name)
{
  g_autoptr(GTask) task = NULL;
  OpenData *open;
  GBytes *bytes;

  open = g_new0 (OpenData, 1);
  open->hash = g_strdup (blob);
  open->name = g_strdup (name);
  /* Take what the worker thread needs here, on the main thread: the document itself is not
   * safe to read there. Files added in this session are in memory. */
  if ((bytes = tandem_document_get_memory_blob (document, open->hash)) != NULL)
    open->bytes = g_bytes_ref (bytes);
  else
    open->source = tandem_storage_dup_blob_source (document);
  open->folder = tandem_attachment_cache_folder_for (document);

  task = g_task_new (NULL, NULL, on_attachment_opened_cb, g_object_ref (widget));
  g_task_set_task_data (task, open, open_data_free);
  g_task_run_in_thread (task, open_attachment_thread);
}

static void
on_open_risky_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           GtkWidget        *widget)
{
  TandemDocument *document = g_object_get_data (G_OBJECT (dialog), "tandem-document");

  if (g_str_equal (response, "open") && document != NULL)
    open_attachment_now (widget, document, g_object_get_data (G_OBJECT (dialog), "tandem-blob"),
                         g_object_get_data (G_OBJECT (dialog), "tandem-name"));
}

/* An attached file comes from whoever shared the project. One that the desktop would run
 * rather than show (a launcher, a program, a script, a web page) is opened only when the
 * reader says so, knowing what it is. */
/**
 * tandem_open_attached_file:
 * @widget: the widget asking, for the dialogs
 * @blob: the stored file's hash in @document
 * @name: the file's name as attached
 * @content_type: (nullable): its type as attached
 *
 * Opens a read-only copy of an attached file with the desktop's application for it. A file
 * the desktop would run rather than show is opened only after a question naming its type.
 */
void
tandem_open_attached_file (GtkWidget      *widget,
                           TandemDocument *document,
                           const char     *blob,
                           const char     *name,
                           const char     *content_type)
{
  g_autofree char *risk = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (document == NULL || blob == NULL)
    return;

  risk = tandem_attachment_describe_risk (name, content_type);
  if (risk == NULL)
    {
      open_attachment_now (widget, document, blob, name);
      return;
    }

  root = gtk_widget_get_root (widget);
  heading = g_strdup_printf (_("Open “%s”?"), name);
  /* TRANSLATORS: %s is a kind of file, such as “shell script” or “HTML document” */
  body = g_strdup_printf (_("This attached file is a %s. Files of this type can run programs on "
                            "your computer. Open it only if you trust whoever attached it and "
                            "expected this file."), risk);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tandem-document", g_object_ref (document),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "tandem-blob", g_strdup (blob), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "tandem-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_risky_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
