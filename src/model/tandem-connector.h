/* tandem-connector.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONNECTOR (tandem_connector_get_type ())

G_DECLARE_FINAL_TYPE (TandemConnector, tandem_connector, TANDEM, CONNECTOR, TandemObject)

TandemConnector    *tandem_connector_new           (void);
const char         *tandem_connector_get_from_step (TandemConnector *self);
void                tandem_connector_set_from_step (TandemConnector *self,
                                                    const char *value);
const char         *tandem_connector_get_to_step   (TandemConnector *self);
void                tandem_connector_set_to_step   (TandemConnector *self,
                                                    const char *value);
TandemConnectorKind tandem_connector_get_kind      (TandemConnector *self);
void                tandem_connector_set_kind      (TandemConnector *self,
                                                    TandemConnectorKind value);
const char         *tandem_connector_get_label     (TandemConnector *self);
void                tandem_connector_set_label     (TandemConnector *self,
                                                    const char *value);

G_END_DECLS
