/* tandem-attachment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-attachment"

#include "config.h"

#include <glib/gi18n.h>

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
