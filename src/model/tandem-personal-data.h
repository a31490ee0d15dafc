/* tandem-personal-data.h: NHS numbers, email addresses, phone numbers and postcodes in free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-types.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_PERSONAL_DATA_NHS_NUMBER,
  TANDEM_PERSONAL_DATA_EMAIL,
  TANDEM_PERSONAL_DATA_PHONE,
  TANDEM_PERSONAL_DATA_POSTCODE,
} TandemPersonalDataKind;

/* One piece of personal data in one text: [start, end) in bytes. */
typedef struct
{
  TandemPersonalDataKind kind;
  gsize                  start;
  gsize                  end;
} TandemPersonalDataMatch;

/* One piece of personal data in a field of an object of the document. */
typedef struct
{
  TandemPersonalDataKind  kind;
  TandemObject           *object;  /* owned reference */
  GParamSpec             *pspec;   /* the text field of @object */
  gsize                   start;   /* bytes into the field's text */
  gsize                   end;
} TandemPersonalDataFinding;

gboolean    tandem_nhs_number_is_valid             (const char *digits);
GArray     *tandem_personal_data_scan_text         (const char *text);
GPtrArray  *tandem_personal_data_find              (TandemDocument *document);
void        tandem_personal_data_finding_free      (TandemPersonalDataFinding *finding);

const char *tandem_personal_data_kind_to_label     (TandemPersonalDataKind kind);
char       *tandem_personal_data_finding_dup_hint  (const TandemPersonalDataFinding *finding);
char       *tandem_personal_data_finding_dup_where (const TandemPersonalDataFinding *finding);
char       *tandem_personal_data_finding_describe  (const TandemPersonalDataFinding *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemPersonalDataFinding, tandem_personal_data_finding_free)

G_END_DECLS
