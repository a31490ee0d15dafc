/* tandem-activity-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-activity-file"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-activity-file.h"

/*
 * A file attached to an engagement activity (an agenda, a write-up, an easy-read
 * leaflet), stored in the document like a checklist item's attachments. Its own kind,
 * because each kind of object has one place in the file.
 */

struct _TandemActivityFile
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemActivityFile, tandem_activity_file, TANDEM_TYPE_OBJECT)

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
tandem_activity_file_class_init (TandemActivityFileClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "activity_file");

  properties[PROP_NAME] = TANDEM_PARAM_STRING ("name", TANDEM_FIELD_TEXT);
  properties[PROP_SIZE] = TANDEM_PARAM_INT ("size", 0, TANDEM_ATTACHMENT_MAX_SIZE, 0);
  properties[PROP_CONTENT_TYPE] = TANDEM_PARAM_STRING ("content-type", TANDEM_FIELD_TEXT);
  properties[PROP_BLOB] = TANDEM_PARAM_STRING ("blob", TANDEM_FIELD_BLOB);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_activity_file_init (TandemActivityFile *self)
{
}

TandemActivityFile *
tandem_activity_file_new (void)
{
  return g_object_new (TANDEM_TYPE_ACTIVITY_FILE, NULL);
}

TANDEM_STRING_FIELD (TandemActivityFile, tandem_activity_file, name, PROP_NAME)
TANDEM_SCALAR_FIELD (TandemActivityFile, tandem_activity_file, size, PROP_SIZE, int, int)
TANDEM_STRING_FIELD (TandemActivityFile, tandem_activity_file, content_type, PROP_CONTENT_TYPE)
TANDEM_STRING_FIELD (TandemActivityFile, tandem_activity_file, blob, PROP_BLOB)
