/* fuzz-journey-paste.c: libFuzzer target for pasting steps into a journey map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-journey-clip.h"
#include "tandem-journey.h"
#include "tandem-json.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(TandemJourney) journey = tandem_journey_new_with_defaults ("Fuzz");
  g_autoptr(GPtrArray) pasted = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  TandemJourneyMap *map;
  gboolean ok;

  tandem_document_begin (document, "Add journey");
  tandem_list_append (tandem_document_get_journeys (document), journey);
  tandem_document_commit (document);
  map = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER);

  /* As the window does: paste inside a transaction, roll back when it fails. */
  tandem_document_begin (document, "Paste");
  ok = tandem_journey_clip_paste (map, (const char *)data, size, NULL, pasted, &error);
  g_assert (ok == (error == NULL));

  if (!ok)
    {
      tandem_document_rollback (document);
      return 0;
    }

  tandem_document_commit (document);
  g_assert (pasted->len > 0);

  /* What was pasted must leave a document that writes and reads back. */
  {
    g_autofree char *json = tandem_json_write_document (document, NULL, NULL);
    g_autoptr(TandemDocument) again = NULL;

    g_assert (json != NULL);
    again = tandem_json_read_document (json, strlen (json), &error);
    if (again == NULL)
      g_error ("A pasted document does not read back: %s", error->message);
  }

  return 0;
}
