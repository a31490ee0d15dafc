/* tandem-journey.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-journey-map.h"
#include "tandem-journey.h"
#include "tandem-lane.h"
#include "tandem-replacement.h"
#include "tandem-stage.h"

/*
 * A patient journey: stages and lanes shared by its before and after maps.
 */

struct _TandemJourney
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemJourney, tandem_journey, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STAGES,
  PROP_LANES,
  PROP_MAPS,
  PROP_REPLACEMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_journey_validate (TandemObject  *object,
                         GError       **error)
{
  TandemJourney *self = TANDEM_JOURNEY (object);
  TandemList *maps = tandem_journey_get_maps (self);
  gboolean seen[2] = { FALSE, FALSE };

  for (guint i = 0; i < tandem_list_get_n (maps); i++)
    {
      TandemMapSide side = tandem_journey_map_get_side (tandem_list_get (maps, i));

      if (seen[side])
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The journey “%s” has two %s maps; a journey has one before and one "
                         "after."), tandem_journey_get_title (self),
                       side == TANDEM_MAP_SIDE_BEFORE ? "before" : "after");
          return FALSE;
        }
      seen[side] = TRUE;
    }

  return TRUE;
}

static void
tandem_journey_class_init (TandemJourneyClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_journey_validate;

  tandem_object_class_set_kind (tandem_class, "journey");

  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_DESCRIPTION] = TANDEM_PARAM_STRING ("description", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_STAGES] = tandem_param_children ("stages", NULL, TANDEM_TYPE_STAGE);
  properties[PROP_LANES] = tandem_param_children ("lanes", NULL, TANDEM_TYPE_LANE);
  properties[PROP_MAPS] = tandem_param_children ("maps", NULL, TANDEM_TYPE_JOURNEY_MAP);
  properties[PROP_REPLACEMENTS] = tandem_param_children ("replacements", NULL, TANDEM_TYPE_REPLACEMENT);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_journey_init (TandemJourney *self)
{
}

TandemJourney *
tandem_journey_new (void)
{
  return g_object_new (TANDEM_TYPE_JOURNEY, NULL);
}

TANDEM_STRING_FIELD (TandemJourney, tandem_journey, title, PROP_TITLE)
TANDEM_STRING_FIELD (TandemJourney, tandem_journey, description, PROP_DESCRIPTION)
TANDEM_LIST_FIELD (TandemJourney, tandem_journey, stages, PROP_STAGES)
TANDEM_LIST_FIELD (TandemJourney, tandem_journey, lanes, PROP_LANES)
TANDEM_LIST_FIELD (TandemJourney, tandem_journey, maps, PROP_MAPS)
TANDEM_LIST_FIELD (TandemJourney, tandem_journey, replacements, PROP_REPLACEMENTS)

/**
 * tandem_journey_new_with_defaults:
 *
 * A journey as a facilitator starts one: the usual stages and lanes, and empty before and
 * after maps.
 *
 * Returns: (transfer full): the journey
 */
TandemJourney *
tandem_journey_new_with_defaults (const char *title)
{
  static const char *stages[] = {
    N_("Noticing a problem"), N_("Getting help"), N_("Assessment"), N_("Treatment"),
    N_("Going home"),
  };
  static const char *lanes[] = {
    N_("Patient and family"), N_("Front-line staff"), N_("Behind the scenes"),
    N_("Places and systems"),
  };
  TandemJourney *self = tandem_journey_new ();

  tandem_journey_set_title (self, title);

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(TandemStage) stage = tandem_stage_new ();

      tandem_stage_set_title (stage, _(stages[i]));
      tandem_list_append (tandem_journey_get_stages (self), stage);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_autoptr(TandemLane) lane = tandem_lane_new ();

      tandem_lane_set_title (lane, _(lanes[i]));
      tandem_list_append (tandem_journey_get_lanes (self), lane);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TandemJourneyMap) map = tandem_journey_map_new ();

      tandem_journey_map_set_side (map, i == 0 ? TANDEM_MAP_SIDE_BEFORE : TANDEM_MAP_SIDE_AFTER);
      tandem_list_append (tandem_journey_get_maps (self), map);
    }

  return self;
}

/**
 * tandem_journey_get_map:
 *
 * Returns: (transfer none) (nullable): the before or the after map
 */
TandemJourneyMap *
tandem_journey_get_map (TandemJourney *self,
                        TandemMapSide  side)
{
  TandemList *maps = tandem_journey_get_maps (self);

  for (guint i = 0; i < tandem_list_get_n (maps); i++)
    {
      TandemJourneyMap *map = tandem_list_get (maps, i);

      if (tandem_journey_map_get_side (map) == side)
        return map;
    }

  return NULL;
}

/**
 * tandem_journey_find_stage:
 *
 * Returns: (transfer none) (nullable): the stage with @id
 */
TandemStage *
tandem_journey_find_stage (TandemJourney *self,
                           const char    *id)
{
  return tandem_list_find (tandem_journey_get_stages (self), id);
}

/**
 * tandem_journey_find_lane:
 *
 * Returns: (transfer none) (nullable): the lane with @id
 */
TandemLane *
tandem_journey_find_lane (TandemJourney *self,
                          const char    *id)
{
  return tandem_list_find (tandem_journey_get_lanes (self), id);
}

int
tandem_journey_stage_index (TandemJourney *self,
                            const char    *stage_id)
{
  TandemStage *stage = tandem_journey_find_stage (self, stage_id);

  return stage ? tandem_list_index_of (tandem_journey_get_stages (self), stage) : -1;
}

int
tandem_journey_lane_index (TandemJourney *self,
                           const char    *lane_id)
{
  TandemLane *lane = tandem_journey_find_lane (self, lane_id);

  return lane ? tandem_list_index_of (tandem_journey_get_lanes (self), lane) : -1;
}

/**
 * tandem_journey_for_object:
 *
 * Returns: (transfer none) (nullable): the journey @object belongs to
 */
TandemJourney *
tandem_journey_for_object (TandemObject *object)
{
  for (TandemObject *o = object; o != NULL; o = tandem_object_get_parent (o))
    {
      if (TANDEM_IS_JOURNEY (o))
        return TANDEM_JOURNEY (o);
    }

  return NULL;
}
