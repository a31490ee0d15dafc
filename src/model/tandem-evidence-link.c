/* tandem-evidence-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-evidence-link"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-evidence-link.h"

/*
 * A link to evidence: a web address or a file, opened with the desktop’s default application.
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_evidence_link_class_init (TandemEvidenceLinkClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "evidence_link");

  properties[PROP_URI] = TANDEM_PARAM_STRING ("uri", TANDEM_FIELD_TEXT);
  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);

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
