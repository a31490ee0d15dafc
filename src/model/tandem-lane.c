/* tandem-lane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-lane"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-lane.h"

/*
 * A lane of a journey: a row, such as "Patient and family".
 */

struct _TandemLane
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemLane, tandem_lane, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_lane_class_init (TandemLaneClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "lane");

  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_HEIGHT] = TANDEM_PARAM_DOUBLE ("height", 60.0, 4000.0, 150.0);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_lane_init (TandemLane *self)
{
}

TandemLane *
tandem_lane_new (void)
{
  return g_object_new (TANDEM_TYPE_LANE, NULL);
}

TANDEM_STRING_FIELD (TandemLane, tandem_lane, title, PROP_TITLE)
TANDEM_SCALAR_FIELD (TandemLane, tandem_lane, height, PROP_HEIGHT, double, double)
