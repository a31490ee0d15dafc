/* tandem-journey-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-map"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-connector.h"
#include "tandem-journey-map.h"
#include "tandem-step.h"

/*
 * The before or the after map of a journey: its steps and connectors.
 */

struct _TandemJourneyMap
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemJourneyMap, tandem_journey_map, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SIDE,
  PROP_NOTES,
  PROP_STEPS,
  PROP_CONNECTORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_journey_map_class_init (TandemJourneyMapClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "journey_map");

  properties[PROP_SIDE] = TANDEM_PARAM_ENUM ("side", TANDEM_TYPE_MAP_SIDE, TANDEM_MAP_SIDE_BEFORE);
  properties[PROP_NOTES] = TANDEM_PARAM_STRING ("notes", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_STEPS] = tandem_param_children ("steps", NULL, TANDEM_TYPE_STEP);
  properties[PROP_CONNECTORS] = tandem_param_children ("connectors", NULL, TANDEM_TYPE_CONNECTOR);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_journey_map_init (TandemJourneyMap *self)
{
}

TandemJourneyMap *
tandem_journey_map_new (void)
{
  return g_object_new (TANDEM_TYPE_JOURNEY_MAP, NULL);
}

TANDEM_SCALAR_FIELD (TandemJourneyMap, tandem_journey_map, side, PROP_SIDE, TandemMapSide, enum)
TANDEM_STRING_FIELD (TandemJourneyMap, tandem_journey_map, notes, PROP_NOTES)
TANDEM_LIST_FIELD (TandemJourneyMap, tandem_journey_map, steps, PROP_STEPS)
TANDEM_LIST_FIELD (TandemJourneyMap, tandem_journey_map, connectors, PROP_CONNECTORS)
