/* tandem-stage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-stage"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-stage.h"

/*
 * A stage of a journey: a column, in time order.
 */

struct _TandemStage
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemStage, tandem_stage, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_stage_class_init (TandemStageClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "stage");

  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_WIDTH] = TANDEM_PARAM_DOUBLE ("width", 80.0, 4000.0, 260.0);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_stage_init (TandemStage *self)
{
}

TandemStage *
tandem_stage_new (void)
{
  return g_object_new (TANDEM_TYPE_STAGE, NULL);
}

TANDEM_STRING_FIELD (TandemStage, tandem_stage, title, PROP_TITLE)
TANDEM_SCALAR_FIELD (TandemStage, tandem_stage, width, PROP_WIDTH, double, double)
