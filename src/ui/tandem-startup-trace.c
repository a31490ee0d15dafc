/* tandem-startup-trace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-startup-trace"

#include "config.h"

#include "tandem-startup-trace.h"

/*
 * Start-up, measured from outside (benchmarks/bench-startup.c). With TANDEM_TRACE_STARTUP set,
 * Tandem writes a line to stderr at a few moments of its start, each with the time of the
 * monotonic clock, which the benchmark shares: when the window has painted its first frame,
 * when an opened document is in it, and when the first frame showing that document is
 * painted. A frame is painted when the window's frame clock says "after-paint". With
 * TANDEM_TRACE_STARTUP=quit Tandem then quits, as a user closing the window would, so that
 * the lock beside the document goes too. Unset, none of this runs and nothing is written.
 */

typedef struct
{
  char     *what;
  gboolean  last;
  gulong    handler;
} FrameWatch;

gboolean
tandem_startup_trace_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_getenv ("TANDEM_TRACE_STARTUP") != NULL;

  return enabled;
}

void
tandem_startup_trace_mark (const char *what)
{
  if (!tandem_startup_trace_enabled ())
    return;

  g_printerr ("tandem-trace: %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}

static void
frame_watch_free (gpointer  data,
                  GClosure *closure)
{
  FrameWatch *watch = data;

  g_free (watch->what);
  g_free (watch);
}

/* Callbacks */

static void
on_after_paint_cb (GdkFrameClock *clock,
                   FrameWatch    *watch)
{
  gboolean quit = watch->last && g_strcmp0 (g_getenv ("TANDEM_TRACE_STARTUP"), "quit") == 0;

  tandem_startup_trace_mark (watch->what);
  g_signal_handler_disconnect (clock, watch->handler);  /* frees @watch */

  if (quit && g_application_get_default () != NULL)
    g_application_quit (g_application_get_default ());
}

static void
watch_clock (GtkWidget  *window,
             FrameWatch *watch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  watch->handler = g_signal_connect_data (clock, "after-paint", G_CALLBACK (on_after_paint_cb),
                                          watch, frame_watch_free, 0);
  /* Nothing else may be asking for a frame: ask for one, so that it is painted. */
  gtk_widget_queue_draw (window);
}

static void
on_realize_cb (GtkWidget  *window,
               FrameWatch *watch)
{
  g_signal_handlers_disconnect_by_func (window, on_realize_cb, watch);
  watch_clock (window, watch);
}

/**
 * tandem_startup_trace_frame:
 * @last: whether Tandem quits after this frame, under TANDEM_TRACE_STARTUP=quit
 *
 * Writes @what when @window next paints a frame.
 */
void
tandem_startup_trace_frame (GtkWidget  *window,
                            const char *what,
                            gboolean    last)
{
  FrameWatch *watch;

  if (!tandem_startup_trace_enabled ())
    return;

  watch = g_new0 (FrameWatch, 1);
  watch->what = g_strdup (what);
  watch->last = last;

  if (gtk_widget_get_realized (window))
    watch_clock (window, watch);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), watch);
}
