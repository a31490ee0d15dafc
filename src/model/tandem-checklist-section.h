/* tandem-checklist-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHECKLIST_SECTION (tandem_checklist_section_get_type ())

G_DECLARE_FINAL_TYPE (TandemChecklistSection, tandem_checklist_section, TANDEM, CHECKLIST_SECTION, TandemObject)

TandemChecklistSection *tandem_checklist_section_new             (void);
const char             *tandem_checklist_section_get_key         (TandemChecklistSection *self);
void                    tandem_checklist_section_set_key         (TandemChecklistSection *self,
                                                                  const char *value);
const char             *tandem_checklist_section_get_title       (TandemChecklistSection *self);
void                    tandem_checklist_section_set_title       (TandemChecklistSection *self,
                                                                  const char *value);
const char             *tandem_checklist_section_get_description (TandemChecklistSection *self);
void                    tandem_checklist_section_set_description (TandemChecklistSection *self,
                                                                  const char *value);
TandemList             *tandem_checklist_section_get_items       (TandemChecklistSection *self);

G_END_DECLS
