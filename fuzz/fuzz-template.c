/* fuzz-template.c: libFuzzer target for importing a checklist template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-template.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TandemTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  template = tandem_template_new_from_data ((const char *)data, size, &error);

  /* Either a template or a sentence; never both, never neither. */
  g_assert ((template == NULL) != (error == NULL));

  /* What was accepted must go into a project and be written out as a template again. */
  if (template != NULL)
    {
      g_autoptr(TandemDocument) document = tandem_document_new_project ();
      g_autoptr(TandemTemplate) again = NULL;
      g_autofree char *written = NULL;
      TandemChecklist *checklist;
      gsize length;

      checklist = tandem_template_instantiate (template, document, "Fuzz");
      g_assert (checklist != NULL);

      written = tandem_template_write (template, &length, &error);
      g_assert (written != NULL);
      again = tandem_template_new_from_data (written, length, &error);
      g_assert (again != NULL);
      g_assert (tandem_template_get_n_items (again) == tandem_template_get_n_items (template));
    }

  return 0;
}
