/* tandem-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-step"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-journey.h"
#include "tandem-quote.h"
#include "tandem-step.h"

/*
 * A step of a journey map, in one lane within one stage.
 */

struct _TandemStep
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemStep, tandem_step, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ROLE,
  PROP_PLACE,
  PROP_DURATION_MINUTES,
  PROP_WAIT_MINUTES,
  PROP_FEELING,
  PROP_TOUCHPOINT,
  PROP_PAIN_POINT,
  PROP_STAGE,
  PROP_LANE,
  PROP_ORDER,
  PROP_QUOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_step_validate (TandemObject  *object,
                      GError       **error)
{
  TandemStep *self = TANDEM_STEP (object);
  TandemJourney *journey = tandem_journey_for_object (object);

  if (journey == NULL)
    return TRUE;

  if (tandem_journey_find_stage (journey, tandem_step_get_stage (self)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The step “%.80s” of the journey “%.80s” is in a stage that the journey "
                     "does not have; each step must be in one of its journey’s stages."),
                   tandem_step_get_title (self), tandem_journey_get_title (journey));
      return FALSE;
    }

  if (tandem_journey_find_lane (journey, tandem_step_get_lane (self)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The step “%.80s” of the journey “%.80s” is in a lane that the journey "
                     "does not have; each step must be in one of its journey’s lanes."),
                   tandem_step_get_title (self), tandem_journey_get_title (journey));
      return FALSE;
    }

  return TRUE;
}

static void
tandem_step_class_init (TandemStepClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_step_validate;

  tandem_object_class_set_kind (tandem_class, "step");

  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_DESCRIPTION] = TANDEM_PARAM_STRING ("description", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_ROLE] = TANDEM_PARAM_STRING ("role", TANDEM_FIELD_TEXT);
  properties[PROP_PLACE] = TANDEM_PARAM_STRING ("place", TANDEM_FIELD_TEXT);
  properties[PROP_DURATION_MINUTES] = TANDEM_PARAM_DOUBLE ("duration-minutes", 0.0, 5256000.0, 0.0);
  properties[PROP_WAIT_MINUTES] = TANDEM_PARAM_DOUBLE ("wait-minutes", 0.0, 5256000.0, 0.0);
  properties[PROP_FEELING] = TANDEM_PARAM_ENUM ("feeling", TANDEM_TYPE_FEELING, TANDEM_FEELING_UNKNOWN);
  properties[PROP_TOUCHPOINT] = TANDEM_PARAM_BOOLEAN ("touchpoint", FALSE);
  properties[PROP_PAIN_POINT] = TANDEM_PARAM_BOOLEAN ("pain-point", FALSE);
  properties[PROP_STAGE] = TANDEM_PARAM_STRING ("stage", TANDEM_FIELD_REFERENCE);
  properties[PROP_LANE] = TANDEM_PARAM_STRING ("lane", TANDEM_FIELD_REFERENCE);
  properties[PROP_ORDER] = TANDEM_PARAM_DOUBLE ("order", -1000000.0, 1000000.0, 0.0);
  properties[PROP_QUOTES] = tandem_param_children ("quotes", NULL, TANDEM_TYPE_QUOTE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_step_init (TandemStep *self)
{
}

TandemStep *
tandem_step_new (void)
{
  return g_object_new (TANDEM_TYPE_STEP, NULL);
}

TANDEM_STRING_FIELD (TandemStep, tandem_step, title, PROP_TITLE)
TANDEM_STRING_FIELD (TandemStep, tandem_step, description, PROP_DESCRIPTION)
TANDEM_STRING_FIELD (TandemStep, tandem_step, role, PROP_ROLE)
TANDEM_STRING_FIELD (TandemStep, tandem_step, place, PROP_PLACE)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, duration_minutes, PROP_DURATION_MINUTES, double, double)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, wait_minutes, PROP_WAIT_MINUTES, double, double)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, feeling, PROP_FEELING, TandemFeeling, enum)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, touchpoint, PROP_TOUCHPOINT, gboolean, boolean)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, pain_point, PROP_PAIN_POINT, gboolean, boolean)
TANDEM_STRING_FIELD (TandemStep, tandem_step, stage, PROP_STAGE)
TANDEM_STRING_FIELD (TandemStep, tandem_step, lane, PROP_LANE)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, order, PROP_ORDER, double, double)
TANDEM_LIST_FIELD (TandemStep, tandem_step, quotes, PROP_QUOTES)
