/* tandem-evidence-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-evidence-link"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tandem-activity.h"
#include "tandem-attachment.h"
#include "tandem-document.h"
#include "tandem-quote.h"
#include "tandem-step.h"
#include "tandem-theme.h"
#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-evidence-link.h"

/*
 * A link to evidence: a web page or a mail address, opened with the desktop’s default
 * application. Only http, https and mailto are allowed: a link is opened by whatever handles
 * its scheme, and a file:, smb: or application-specific link in a document from someone else
 * can start a program on the reader's computer (file:///usr/bin/xterm does). Files that are
 * evidence are attached to the project instead, and opening one asks first when its type can
 * run code (see the item editor). The check is here, below every way a link enters: typing,
 * JSON import and opening a .tandem file all refuse the same links with the same sentence.
 */

struct _TandemEvidenceLink
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemEvidenceLink, tandem_evidence_link, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URI,
  PROP_TITLE,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_evidence_link_validate (TandemObject  *object,
                               GError       **error)
{
  TandemEvidenceLink *self = TANDEM_EVIDENCE_LINK (object);
  TandemDocument *document = tandem_object_get_document (object);
  const char *target = tandem_evidence_link_get_target (self);

  if (target[0] != '\0' && document != NULL &&
      !tandem_evidence_link_check_target (document, target, error))
    return FALSE;

  return tandem_evidence_link_check_uri (tandem_evidence_link_get_uri (self), error);
}

static void
tandem_evidence_link_class_init (TandemEvidenceLinkClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_evidence_link_validate;

  tandem_object_class_set_kind (tandem_class, "evidence_link");

  properties[PROP_URI] = TANDEM_PARAM_STRING ("uri", TANDEM_FIELD_TEXT);
  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_TARGET] = TANDEM_PARAM_STRING ("target", TANDEM_FIELD_REFERENCE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_evidence_link_init (TandemEvidenceLink *self)
{
}

TandemEvidenceLink *
tandem_evidence_link_new (void)
{
  return g_object_new (TANDEM_TYPE_EVIDENCE_LINK, NULL);
}

TANDEM_STRING_FIELD (TandemEvidenceLink, tandem_evidence_link, uri, PROP_URI)
TANDEM_STRING_FIELD (TandemEvidenceLink, tandem_evidence_link, title, PROP_TITLE)
TANDEM_STRING_FIELD (TandemEvidenceLink, tandem_evidence_link, target, PROP_TARGET)

/**
 * tandem_evidence_link_check_target:
 * @document: the project the answer belongs to
 * @target: the id of what the evidence points to in the project
 *
 * Evidence can point, instead of to a web page, to an engagement activity, a theme, a journey
 * step or a quote of the same project. Anything else, or something that is not in the project,
 * is refused with a sentence saying what to do.
 *
 * Returns: %TRUE when @target may be linked as evidence
 */
gboolean
tandem_evidence_link_check_target (TandemDocument  *document,
                                   const char      *target,
                                   GError         **error)
{
  TandemObject *object;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), FALSE);

  if (target == NULL || target[0] == '\0')
    return TRUE;

  object = tandem_document_lookup (document, target);
  if (object == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The evidence links to “%.64s”, which is not in this project; it may "
                     "have been removed. Remove the link, or link to something that is in "
                     "the project."), target);
      return FALSE;
    }

  if (!TANDEM_IS_ACTIVITY (object) && !TANDEM_IS_THEME (object) &&
      !TANDEM_IS_STEP (object) && !TANDEM_IS_QUOTE (object))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The evidence links to “%.64s”, which is not an engagement activity, a "
                     "theme, a journey step or a quote; evidence can link only to engagement "
                     "activities, themes, journey steps and quotes."),
                   target);
      return FALSE;
    }

  return TRUE;
}

/* Text from a file is untrusted: direction controls (as in file names, see
 * tandem_attachment_clean_name()) and control characters, line breaks among them, could make
 * a kept link read as something else, or spill over several lines. */
static char *
clean_for_text (const char *text)
{
  g_autofree char *no_bidi = tandem_attachment_clean_name (text);
  GString *clean = g_string_sized_new (strlen (no_bidi));

  for (const char *p = no_bidi; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iscntrl (c) && c != 0x2028 && c != 0x2029)
        g_string_append_unichar (clean, c);
    }

  return g_strstrip (g_string_free (clean, FALSE));
}

/**
 * tandem_evidence_link_check_uri:
 * @uri: a link as stored, or %NULL
 *
 * Checks that @uri is a link Tandem may open: an http or https address with a host, or a
 * mailto address. An empty link is allowed (it opens nothing). Everything else is refused
 * with a sentence naming the link and what to do instead.
 *
 * Returns: %TRUE when @uri may be stored and opened
 */
gboolean
tandem_evidence_link_check_uri (const char  *uri,
                                GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  g_autofree char *shown = NULL;
  const char *scheme;

  if (uri == NULL || uri[0] == '\0')
    return TRUE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  scheme = parsed != NULL ? g_uri_get_scheme (parsed) : NULL;

  if (scheme != NULL &&
      (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
      g_uri_get_host (parsed) != NULL && g_uri_get_host (parsed)[0] != '\0')
    return TRUE;

  if (scheme != NULL && g_ascii_strcasecmp (scheme, "mailto") == 0 &&
      g_uri_get_path (parsed)[0] != '\0')
    return TRUE;

  /* Named as it would be kept as text, and cut at a character, not a byte, when long. */
  shown = clean_for_text (uri);
  if (g_utf8_strlen (shown, -1) > 200)
    {
      g_autofree char *cut = g_utf8_substring (shown, 0, 200);

      g_free (shown);
      shown = g_strconcat (cut, "…", NULL);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The link “%s” is not a web or mail address. Tandem opens only http, "
                 "https and mailto links, because other links can start programs; attach the "
                 "file to the question instead, or link to the web page that holds it."),
               shown);
  return FALSE;
}

/**
 * tandem_evidence_link_can_open:
 *
 * Returns: %TRUE when the link is one Tandem may hand to the desktop to open
 */
gboolean
tandem_evidence_link_can_open (TandemEvidenceLink *self)
{
  const char *uri;

  g_return_val_if_fail (TANDEM_IS_EVIDENCE_LINK (self), FALSE);

  uri = tandem_evidence_link_get_uri (self);
  return uri[0] != '\0' && tandem_evidence_link_check_uri (uri, NULL);
}

/**
 * tandem_evidence_link_dup_kept_text:
 *
 * For a link Tandem does not open (see tandem_evidence_link_check_uri()), found in a file
 * made by an older Tandem: the line that keeps it as text in its question's evidence, with
 * its address and title, and nothing that could disguise them.
 *
 * Returns: (transfer full): one line of text, without a line break
 */
char *
tandem_evidence_link_dup_kept_text (TandemEvidenceLink *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TANDEM_IS_EVIDENCE_LINK (self), NULL);

  uri = clean_for_text (tandem_evidence_link_get_uri (self));
  title = clean_for_text (tandem_evidence_link_get_title (self));

  if (title[0] == '\0')
    /* TRANSLATORS: a link to a file from an older Tandem, kept in the answer's evidence; %s is
     * the link, such as file:///home/ann/minutes.odt */
    return g_strdup_printf (_("Link kept as text, because Tandem opens only web and mail "
                              "links: %s"), uri);

  /* TRANSLATORS: as above, with the link's title first and then the link in brackets */
  return g_strdup_printf (_("Link kept as text, because Tandem opens only web and mail "
                            "links: %s (%s)"), title, uri);
}
