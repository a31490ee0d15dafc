/* tandem-connector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-connector"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-connector.h"
#include "tandem-journey.h"
#include "tandem-document.h"
#include "tandem-journey-map.h"
#include "tandem-step.h"

/*
 * A line from one step to another: the usual next step, a branch or a loop back.
 */

struct _TandemConnector
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemConnector, tandem_connector, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM_STEP,
  PROP_TO_STEP,
  PROP_KIND,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_connector_validate (TandemObject  *object,
                           GError       **error)
{
  TandemConnector *self = TANDEM_CONNECTOR (object);
  TandemObject *map = tandem_object_get_parent (object);
  TandemDocument *document = tandem_object_get_document (object);
  TandemJourney *journey = tandem_journey_for_object (object);
  TandemObject *from, *to;

  if (!TANDEM_IS_JOURNEY_MAP (map) || document == NULL)
    return TRUE;

  from = tandem_document_lookup (document, tandem_connector_get_from_step (self));
  to = tandem_document_lookup (document, tandem_connector_get_to_step (self));

  if (!TANDEM_IS_STEP (from) || !TANDEM_IS_STEP (to) ||
      tandem_object_get_parent (from) != map || tandem_object_get_parent (to) != map)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A connector of the journey “%.80s” joins a step that is not on its map; "
                     "a connector joins two steps of the same map."),
                   journey ? tandem_journey_get_title (journey) : "");
      return FALSE;
    }

  if (g_str_equal (tandem_connector_get_from_step (self), tandem_connector_get_to_step (self)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A connector of the journey “%.80s” joins a step to itself; a connector "
                     "joins two different steps."),
                   journey ? tandem_journey_get_title (journey) : "");
      return FALSE;
    }

  return TRUE;
}

static void
tandem_connector_class_init (TandemConnectorClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_connector_validate;

  tandem_object_class_set_kind (tandem_class, "connector");

  properties[PROP_FROM_STEP] = TANDEM_PARAM_STRING ("from-step", TANDEM_FIELD_REFERENCE);
  properties[PROP_TO_STEP] = TANDEM_PARAM_STRING ("to-step", TANDEM_FIELD_REFERENCE);
  properties[PROP_KIND] = TANDEM_PARAM_ENUM ("kind", TANDEM_TYPE_CONNECTOR_KIND, TANDEM_CONNECTOR_KIND_NEXT);
  properties[PROP_LABEL] = TANDEM_PARAM_STRING ("label", TANDEM_FIELD_TEXT);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_connector_init (TandemConnector *self)
{
}

TandemConnector *
tandem_connector_new (void)
{
  return g_object_new (TANDEM_TYPE_CONNECTOR, NULL);
}

TANDEM_STRING_FIELD (TandemConnector, tandem_connector, from_step, PROP_FROM_STEP)
TANDEM_STRING_FIELD (TandemConnector, tandem_connector, to_step, PROP_TO_STEP)
TANDEM_SCALAR_FIELD (TandemConnector, tandem_connector, kind, PROP_KIND, TandemConnectorKind, enum)
TANDEM_STRING_FIELD (TandemConnector, tandem_connector, label, PROP_LABEL)
