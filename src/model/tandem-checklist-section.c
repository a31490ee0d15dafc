/* tandem-checklist-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-checklist-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"

/*
 * A section of a checklist, holding its items in order.
 */

struct _TandemChecklistSection
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemChecklistSection, tandem_checklist_section, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_checklist_section_class_init (TandemChecklistSectionClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "checklist_section");

  properties[PROP_KEY] = TANDEM_PARAM_STRING ("key", TANDEM_FIELD_TEXT);
  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_DESCRIPTION] = TANDEM_PARAM_STRING ("description", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_ITEMS] = tandem_param_children ("items", NULL, TANDEM_TYPE_CHECKLIST_ITEM);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_checklist_section_init (TandemChecklistSection *self)
{
}

TandemChecklistSection *
tandem_checklist_section_new (void)
{
  return g_object_new (TANDEM_TYPE_CHECKLIST_SECTION, NULL);
}

TANDEM_STRING_FIELD (TandemChecklistSection, tandem_checklist_section, key, PROP_KEY)
TANDEM_STRING_FIELD (TandemChecklistSection, tandem_checklist_section, title, PROP_TITLE)
TANDEM_STRING_FIELD (TandemChecklistSection, tandem_checklist_section, description, PROP_DESCRIPTION)
TANDEM_LIST_FIELD (TandemChecklistSection, tandem_checklist_section, items, PROP_ITEMS)
