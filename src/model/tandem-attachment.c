/* tandem-attachment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-attachment"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-attachment.h"

/*
 * A file stored inside the document as evidence, by content hash.
 */

struct _TandemAttachment
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemAttachment, tandem_attachment, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SIZE,
  PROP_CONTENT_TYPE,
  PROP_BLOB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_attachment_class_init (TandemAttachmentClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "attachment");

  properties[PROP_NAME] = TANDEM_PARAM_STRING ("name", TANDEM_FIELD_TEXT);
  properties[PROP_SIZE] = TANDEM_PARAM_INT ("size", 0, TANDEM_ATTACHMENT_MAX_SIZE, 0);
  properties[PROP_CONTENT_TYPE] = TANDEM_PARAM_STRING ("content-type", TANDEM_FIELD_TEXT);
  properties[PROP_BLOB] = TANDEM_PARAM_STRING ("blob", TANDEM_FIELD_BLOB);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_attachment_init (TandemAttachment *self)
{
}

TandemAttachment *
tandem_attachment_new (void)
{
  return g_object_new (TANDEM_TYPE_ATTACHMENT, NULL);
}

TANDEM_STRING_FIELD (TandemAttachment, tandem_attachment, name, PROP_NAME)
TANDEM_SCALAR_FIELD (TandemAttachment, tandem_attachment, size, PROP_SIZE, int, int)
TANDEM_STRING_FIELD (TandemAttachment, tandem_attachment, content_type, PROP_CONTENT_TYPE)
TANDEM_STRING_FIELD (TandemAttachment, tandem_attachment, blob, PROP_BLOB)

/* Bidirectional controls that reorder how a name is shown: “invoice”, U+202E, “fdp.exe”
 * shows as “invoiceexe.pdf”. They have no place in a file name, so they are removed wherever a name
 * enters a document. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) ||  /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069) ||  /* isolates */
         c == 0x200E || c == 0x200F ||   /* left-to-right and right-to-left marks */
         c == 0x061C;                    /* Arabic letter mark */
}

/**
 * tandem_attachment_clean_name:
 * @name: a file name, valid UTF-8
 *
 * Returns: (transfer full): @name without bidirectional control characters
 */
char *
tandem_attachment_clean_name (const char *name)
{
  GString *clean;

  g_return_val_if_fail (name != NULL, NULL);

  clean = g_string_sized_new (strlen (name));
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_bidi_control (c))
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

/* What the desktop would run rather than show. g_content_type_can_be_executable() alone is
 * not enough: it says yes to every text file (a CSV, a note), and no to web pages and SVG
 * images, which run scripts in a browser. So plain text counts only when its name or type is
 * one of these. */
static const char * const risky_extensions[] = {
  "desktop", "exe", "msi", "com", "scr", "pif", "bat", "cmd", "ps1", "psm1", "vbs", "vbe",
  "js", "jse", "mjs", "wsf", "wsh", "hta", "sh", "bash", "zsh", "csh", "ksh", "py", "pyw",
  "pl", "rb", "php", "jar", "jnlp", "apk", "appimage", "run", "bin", "deb", "rpm", "flatpakref",
  "html", "htm", "xhtml", "shtml", "svg", "svgz", "lnk", "url", "reg", "cpl", "dll", "so",
  "dylib", "command", "tool", "xpi", "crx", "docm", "xlsm", "pptm",
};

static const char * const risky_types[] = {
  "application/x-desktop", "application/x-executable", "application/x-sharedlib",
  "application/x-ms-dos-executable", "application/x-msdownload", "application/x-msi",
  "application/x-shellscript", "application/x-sh", "application/x-csh", "text/x-python",
  "text/x-python3", "application/x-perl", "application/x-ruby", "application/x-php",
  "application/java-archive", "application/x-java-jnlp-file", "application/javascript",
  "text/javascript", "text/html", "application/xhtml+xml", "image/svg+xml",
  "image/svg+xml-compressed", "application/x-bat", "application/x-ms-shortcut",
  "application/vnd.android.package-archive", "application/x-appimage",
  "application/vnd.ms-word.document.macroenabled.12",
  "application/vnd.ms-excel.sheet.macroenabled.12",
  "application/vnd.ms-powerpoint.presentation.macroenabled.12",
};

static gboolean
type_is_risky (const char *type)
{
  if (type == NULL || type[0] == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (risky_types); i++)
    {
      if (g_content_type_equals (type, risky_types[i]) ||
          g_content_type_is_a (type, risky_types[i]))
        return TRUE;
    }

  return g_content_type_can_be_executable (type) && !g_content_type_is_a (type, "text/plain");
}

/**
 * tandem_attachment_describe_risk:
 * @name: the attached file's name
 * @content_type: (nullable): the content type stored with it
 *
 * Decides whether opening a file of this name and type can run code on the reader's
 * computer (a program, a script, a launcher, a web page or an SVG image with scripts).
 *
 * Returns: (transfer full) (nullable): a description of the type to name in a question
 *   (“shell script”, “desktop configuration file”), or %NULL when the file is safe to open
 */
char *
tandem_attachment_describe_risk (const char *name,
                                 const char *content_type)
{
  g_autofree char *guessed = NULL;
  const char *dot;
  gboolean risky = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  guessed = g_content_type_guess (name, NULL, 0, NULL);

  dot = strrchr (name, '.');
  if (dot != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (risky_extensions) && !risky; i++)
        risky = g_ascii_strcasecmp (dot + 1, risky_extensions[i]) == 0;
    }

  risky = risky || type_is_risky (guessed) || type_is_risky (content_type);
  if (!risky)
    return NULL;

  /* Name the type the desktop would see from the name, which decides what opens it. */
  if (type_is_risky (guessed) || content_type == NULL || content_type[0] == '\0')
    return g_content_type_get_description (guessed);

  return g_content_type_get_description (content_type);
}
