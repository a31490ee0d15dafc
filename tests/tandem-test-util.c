/* tandem-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-checklist.h"
#include "tandem-condition.h"
#include "tandem-connector.h"
#include "tandem-journey-map.h"
#include "tandem-journey.h"
#include "tandem-step.h"
#include "tandem-test-util.h"

/**
 * tandem_test_generate_document:
 * @n_objects: about how many model objects to make
 *
 * A large document made of everything the model has, for benchmarks and tests. Later model
 * classes extend it, so the benchmark keeps measuring what real documents hold.
 */
static char *
words (guint seed,
       guint n)
{
  static const char *vocabulary[] = {
    "patients", "carers", "community", "board", "evidence", "journey", "clinic", "waiting",
    "appointment", "involved", "consultation", "transport", "family", "discharge", "nurse",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, vocabulary[(seed * 7 + i * 13) % G_N_ELEMENTS (vocabulary)]);
    }

  return g_string_free (text, FALSE);
}

static guint
generate_checklist (TandemDocument *document,
                    guint           index,
                    guint           n_items)
{
  g_autoptr(TandemChecklist) checklist = tandem_checklist_new ();
  g_autofree char *title = g_strdup_printf ("Generated checklist %u", index + 1);
  TandemChecklistSection *section = NULL;
  guint made = 1;

  tandem_checklist_set_title (checklist, title);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();
      g_autofree char *question = words (i, 12);
      g_autofree char *evidence = words (i + 3, 40);

      if (i % 20 == 0)
        {
          g_autoptr(TandemChecklistSection) new_section = tandem_checklist_section_new ();
          g_autofree char *section_title = g_strdup_printf ("Section %u", i / 20 + 1);

          tandem_checklist_section_set_title (new_section, section_title);
          tandem_list_append (tandem_checklist_get_sections (checklist), new_section);
          section = new_section;
          made++;
        }

      tandem_checklist_item_set_question (item, question);
      tandem_checklist_item_set_evidence (item, evidence);
      tandem_checklist_item_set_status (item, i % 6);
      tandem_checklist_item_set_owner (item, i % 2 ? "Programme manager" : "Head of engagement");
      tandem_list_append (tandem_checklist_section_get_items (section), item);
      made++;
    }

  tandem_list_append (tandem_document_get_checklists (document), checklist);

  return made;
}

static guint
generate_journey (TandemDocument *document,
                  guint           index,
                  guint           n_steps)
{
  g_autofree char *title = g_strdup_printf ("Generated journey %u", index + 1);
  g_autoptr(TandemJourney) journey = tandem_journey_new_with_defaults (title);
  TandemList *stages = tandem_journey_get_stages (journey);
  TandemList *lanes = tandem_journey_get_lanes (journey);
  guint made = 1 + tandem_list_get_n (stages) + tandem_list_get_n (lanes) + 2;

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyMap *map = tandem_journey_get_map (journey, side);
      TandemStep *previous = NULL;

      for (guint i = 0; i < n_steps / 2; i++)
        {
          g_autoptr(TandemStep) step = tandem_step_new ();
          g_autofree char *step_title = words (i, 4);
          TandemObject *stage = tandem_list_get (stages, i * tandem_list_get_n (stages) / (n_steps / 2));
          TandemObject *lane = tandem_list_get (lanes, i % tandem_list_get_n (lanes));

          tandem_step_set_title (step, step_title);
          tandem_step_set_role (step, i % 3 ? "Parent" : "Receptionist");
          tandem_step_set_place (step, i % 4 ? "Walk-in centre" : "Home");
          tandem_step_set_wait_minutes (step, (i % 5) * 15);
          tandem_step_set_duration_minutes (step, 10);
          tandem_step_set_feeling (step, 1 + i % 5);
          tandem_step_set_stage (step, tandem_object_get_id (stage));
          tandem_step_set_lane (step, tandem_object_get_id (lane));
          tandem_step_set_order (step, i);
          tandem_list_append (tandem_journey_map_get_steps (map), step);
          made++;

          if (previous != NULL)
            {
              g_autoptr(TandemConnector) connector = tandem_connector_new ();

              tandem_connector_set_from_step (connector, tandem_object_get_id (TANDEM_OBJECT (previous)));
              tandem_connector_set_to_step (connector, tandem_object_get_id (TANDEM_OBJECT (step)));
              tandem_list_append (tandem_journey_map_get_connectors (map), connector);
              made++;
            }
          previous = step;
        }
    }

  tandem_list_append (tandem_document_get_journeys (document), journey);

  return made;
}

/**
 * tandem_test_generate_document:
 * @n_objects: about how many model objects to make
 *
 * A large document made of everything the model has (conditions, checklists with sections and
 * items, journeys with steps and connectors), for benchmarks and tests.
 */
TandemDocument *
tandem_test_generate_document (guint n_objects)
{
  TandemDocument *document = tandem_document_new ();
  TandemList *conditions = tandem_document_get_conditions (document);
  guint made = 1;
  guint i;

  tandem_document_begin (document, "Generate");
  tandem_document_set_title (document, "Generated project for measurements");
  tandem_document_set_organisation (document, "Benchmark ICB");
  tandem_document_set_programme (document, "Performance");
  tandem_document_set_version (document, "1.0");
  tandem_document_set_summary (document, "A generated project with many objects.");

  /* A tenth conditions, the rest half checklists and half journeys. */
  for (i = 0; made < MAX (n_objects / 10, 1); i++, made++)
    {
      g_autofree char *key = g_strdup_printf ("condition-%u", i + 1);
      g_autofree char *label = g_strdup_printf ("Generated condition number %u, which is "
                                                "described in a sentence of ordinary length",
                                                i + 1);
      g_autoptr(TandemCondition) condition = tandem_condition_new (key, label);

      tandem_condition_set_enabled (condition, i % 3 == 0);
      tandem_list_append (conditions, condition);
    }

  for (i = 0; made < n_objects; i++)
    {
      guint left = n_objects - made;

      if (i % 2 == 0)
        made += generate_checklist (document, i / 2, MIN (100, MAX (left * 9 / 10, 1)));
      else
        made += generate_journey (document, i / 2, MIN (150, MAX (left / 2, 2)));
    }

  tandem_document_commit (document);

  return document;
}

char *
tandem_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("tandem-test-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

void
tandem_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                                G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL &&
         (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        tandem_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }

  g_chmod (path, 0700);
  g_rmdir (path);
}

char *
tandem_test_build_path (const char *first,
                        ...)
{
  va_list args;
  char *path;

  va_start (args, first);
  path = g_build_filename_valist (first, &args);
  va_end (args);

  return path;
}

void
tandem_test_edit_title (TandemDocument *document,
                        const char     *title)
{
  tandem_document_begin (document, "Edit Title");
  tandem_document_set_title (document, title);
  tandem_document_commit (document);
}

/**
 * tandem_test_require_program:
 * @program: a program the test runs
 * @package: the Debian package that provides it
 *
 * Looks @program up. When it is missing the test is skipped and says what to install; in CI
 * (TANDEM_TEST_STRICT set by build-aux/test when CI=true) it fails instead, so a check that
 * could not run never passes for one that did.
 *
 * Returns: (transfer full) (nullable): the program's path, or %NULL when the test is to stop
 */
char *
tandem_test_require_program (const char *program,
                             const char *package)
{
  char *path = g_find_program_in_path (program);

  if (path != NULL)
    return path;

  if (g_getenv ("TANDEM_TEST_STRICT") != NULL)
    g_test_fail_printf ("%s is needed and missing: install %s", program, package);
  else
    g_test_skip_printf ("%s is needed and missing: install %s", program, package);

  return NULL;
}
