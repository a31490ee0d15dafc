/* tandem-checklist-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-checklist.h"
#include "tandem-document.h"

G_BEGIN_DECLS

void _tandem_checklist_before_commit (TandemDocument    *document,
                                      TandemTransaction *transaction);

G_END_DECLS
