/* test-json-schema.c: data/tandem.schema.json is what the model says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After changing the model, regenerate the file with
 *   TANDEM_UPDATE_SCHEMA=1 meson test -C _build test-json-schema
 */

#include "config.h"

#include "tandem-json.h"

static void
test_schema_is_current (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "tandem.schema.json", NULL);
  g_autofree char *generated = tandem_json_schema_generate ();
  g_autofree char *committed = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("TANDEM_UPDATE_SCHEMA") != NULL)
    {
      g_file_set_contents (path, generated, -1, &error);
      g_assert_no_error (error);
    }

  g_file_get_contents (path, &committed, NULL, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (committed, generated) != 0)
    g_error ("data/tandem.schema.json is out of date with the model; regenerate it with "
             "TANDEM_UPDATE_SCHEMA=1 meson test -C _build test-json-schema");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/schema/current", test_schema_is_current);

  return g_test_run ();
}
