/* tandem-replacement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-replacement"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-journey.h"
#include "tandem-journey-map.h"
#include "tandem-replacement.h"

/*
 * A link from a step of the before map to a step of the after map that replaces it.
 */

struct _TandemReplacement
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemReplacement, tandem_replacement, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BEFORE_STEP,
  PROP_AFTER_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_replacement_validate (TandemObject  *object,
                             GError       **error)
{
  TandemReplacement *self = TANDEM_REPLACEMENT (object);
  TandemJourney *journey = tandem_journey_for_object (object);
  TandemJourneyMap *before, *after;

  if (journey == NULL)
    return TRUE;

  before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  after = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER);

  if (before == NULL || after == NULL ||
      tandem_list_find (tandem_journey_map_get_steps (before),
                        tandem_replacement_get_before_step (self)) == NULL ||
      tandem_list_find (tandem_journey_map_get_steps (after),
                        tandem_replacement_get_after_step (self)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A “replaced by” link does not go from a step of the before map to a step "
                     "of the after map of its journey."));
      return FALSE;
    }

  return TRUE;
}

static void
tandem_replacement_class_init (TandemReplacementClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_replacement_validate;

  tandem_object_class_set_kind (tandem_class, "replacement");

  properties[PROP_BEFORE_STEP] = TANDEM_PARAM_STRING ("before-step", TANDEM_FIELD_REFERENCE);
  properties[PROP_AFTER_STEP] = TANDEM_PARAM_STRING ("after-step", TANDEM_FIELD_REFERENCE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_replacement_init (TandemReplacement *self)
{
}

TandemReplacement *
tandem_replacement_new (void)
{
  return g_object_new (TANDEM_TYPE_REPLACEMENT, NULL);
}

TANDEM_STRING_FIELD (TandemReplacement, tandem_replacement, before_step, PROP_BEFORE_STEP)
TANDEM_STRING_FIELD (TandemReplacement, tandem_replacement, after_step, PROP_AFTER_STEP)
