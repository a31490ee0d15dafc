/* test-personal-data.c: NHS numbers, emails, phone numbers and postcodes found in free text
 * (issue 11, point 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-activity.h"
#include "tandem-checklist.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-document.h"
#include "tandem-journey.h"
#include "tandem-journey-fixture.h"
#include "tandem-personal-data.h"
#include "tandem-quote.h"
#include "tandem-step.h"
#include "tandem-test-util.h"
#include "tandem-theme.h"

/* What one text holds, as "kind:found" joined by "|", so a failure shows the whole picture. */
static char *
scan (const char *text)
{
  g_autoptr(GArray) matches = tandem_personal_data_scan_text (text);
  GString *out = g_string_new (NULL);
  static const char * const names[] = { "nhs", "email", "phone", "postcode" };

  for (guint i = 0; i < matches->len; i++)
    {
      const TandemPersonalDataMatch *m = &g_array_index (matches, TandemPersonalDataMatch, i);

      g_string_append_printf (out, "%s%s:%.*s", i > 0 ? "|" : "", names[m->kind],
                              (int)(m->end - m->start), text + m->start);
    }

  return g_string_free (out, FALSE);
}

#define assert_scan(text, expected)                                                           \
  G_STMT_START {                                                                              \
    g_autofree char *found_ = scan (text);                                                    \
    g_assert_cmpstr (found_, ==, expected);                                                   \
  } G_STMT_END

static void
test_nhs_check_digit (void)
{
  /* 943 476 5919 is the NHS's own example; the others are computed by hand:
   * 401 023 2137: 4*10+0+1*8+0+2*6+3*5+2*4+1*3+3*2 = 92, 92 % 11 = 4, 11 - 4 = 7. */
  g_assert_true (tandem_nhs_number_is_valid ("9434765919"));
  g_assert_true (tandem_nhs_number_is_valid ("943 476 5919"));
  g_assert_true (tandem_nhs_number_is_valid ("401 023 2137"));
  g_assert_false (tandem_nhs_number_is_valid ("943 476 5918"));  /* check digit off by one */
  g_assert_false (tandem_nhs_number_is_valid ("4010232138"));
  /* 1234567890: the sum is 210, 210 % 11 = 1, so the check digit would be 10: never valid. */
  g_assert_false (tandem_nhs_number_is_valid ("1234567890"));
  g_assert_false (tandem_nhs_number_is_valid ("943476591"));    /* nine digits */
  g_assert_false (tandem_nhs_number_is_valid ("94347659190"));  /* eleven */
  g_assert_false (tandem_nhs_number_is_valid ("943.476.5919"));
}

static void
test_nhs_numbers_in_text (void)
{
  assert_scan ("Her NHS number is 943 476 5919, please call.", "nhs:943 476 5919");
  assert_scan ("943-476-5919", "nhs:943-476-5919");
  assert_scan ("ref 9434765919.", "nhs:9434765919");
  assert_scan ("401 023 2137 and 943 476 5919",
               "nhs:401 023 2137|nhs:943 476 5919");
  /* Ten digits that fail the check are a count or a reference, not an NHS number. */
  assert_scan ("We handed out 1234567890 leaflets", "");
  assert_scan ("943 476 5918", "");
  /* Spacing that is not 3-3-4 is not an NHS number either. */
  assert_scan ("94 34 76 59 19", "");
  /* Part of a longer number is not one. */
  assert_scan ("19434765919", "");
}

static void
test_emails (void)
{
  assert_scan ("Contact a.person@example.nhs.uk for a lift",
               "email:a.person@example.nhs.uk");
  assert_scan ("mailto:jo+tandem@mail.example.org", "email:jo+tandem@mail.example.org");
  assert_scan ("Follow us @RiversideNHS on the day", "");
  assert_scan ("user@localhost", "");
  assert_scan ("2 @ 3 pm", "");
}

static void
test_phones (void)
{
  assert_scan ("Ring 0113 496 0000 to book", "phone:0113 496 0000");
  assert_scan ("mobile 07700 900123.", "phone:07700 900123");
  assert_scan ("07700900123", "phone:07700900123");
  assert_scan ("+44 7700 900123", "phone:+44 7700 900123");
  assert_scan ("+44 (0)20 7946 0000", "phone:+44 (0)20 7946 0000");
  assert_scan ("(01632) 960123", "phone:(01632) 960123");
  assert_scan ("020-7946-0000", "phone:020-7946-0000");
  assert_scan ("0800 123 4567", "phone:0800 123 4567");
  /* Times, dates, short numbers, counts and years are not phone numbers. */
  assert_scan ("09:30-11:00 on 01/02/2024", "");
  assert_scan ("2024-03-01", "");
  assert_scan ("01 02 2024", "");
  assert_scan ("call 111 or 999", "");
  assert_scan ("In 2023 we met 1500 people, 0 complaints", "");
  assert_scan ("ref 12345678", "");
  assert_scan ("0113 496", "");
}

static void
test_postcodes (void)
{
  assert_scan ("She lives at LS1 4AP.", "postcode:LS1 4AP");
  assert_scan ("SW1A 1AA", "postcode:SW1A 1AA");
  assert_scan ("M1 1AE, B33 8TH, CR2 6XH, DN55 1PT",
               "postcode:M1 1AE|postcode:B33 8TH|postcode:CR2 6XH|postcode:DN55 1PT");
  assert_scan ("EC1A1BB", "postcode:EC1A1BB");
  /* Road numbers, ward codes, quarters and checklist items are not postcodes. */
  assert_scan ("Take the A1 road to ward C3", "");
  assert_scan ("Q1 2024, T5, COVID-19, CO2 levels", "");
  assert_scan ("Item T12 10AM", "");
}

static void
test_mixed (void)
{
  assert_scan ("Jo (jo@example.com, 07700 900123) lives in LS1 4AP; NHS 943 476 5919.",
               "email:jo@example.com|phone:07700 900123|postcode:LS1 4AP|nhs:943 476 5919");
  assert_scan (NULL, "");
  assert_scan ("", "");
  assert_scan ("No digits at all here", "");
}

static GPtrArray *
describe_all (TandemDocument *document)
{
  g_autoptr(GPtrArray) findings = tandem_personal_data_find (document);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (lines, tandem_personal_data_finding_describe (g_ptr_array_index (findings, i)));
  g_ptr_array_add (lines, NULL);

  return lines;
}

static void
test_document (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(TandemActivity) activity = tandem_activity_new ();
  g_autoptr(TandemTheme) theme = tandem_theme_new ();
  g_autoptr(TandemChecklist) checklist = tandem_checklist_new ();
  g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();
  g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();
  g_autoptr(TandemQuote) quote = tandem_quote_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  TandemPersonalDataFinding *finding;
  TandemJourney *journey;
  TandemStep *step;

  lines = describe_all (document);
  g_assert_cmpuint (lines->len, ==, 1);
  g_clear_pointer (&lines, g_ptr_array_unref);

  tandem_activity_set_title (activity, "Drop-in at the library");
  tandem_activity_set_notes (activity, "Sign-up sheet: alice@example.com wants a call back.");
  tandem_activity_set_place (activity, "Central Library, LS1 3AB");
  tandem_theme_set_title (theme, "Buses to the hospital");
  tandem_theme_set_said (theme, "Ring me on 07700 900123 said one parent.");
  tandem_checklist_set_title (checklist, "Board assurance");
  tandem_checklist_item_set_question (item, "Has the public been involved?");
  tandem_checklist_item_set_evidence (item, "Patient 943 476 5919 was at the workshop");
  tandem_quote_set_text (quote, "My number is 943 476 5919 and nobody called");
  tandem_quote_set_consent (quote, FALSE);

  journey = tandem_test_add_journey (document, "Feverish child");
  tandem_document_begin (document, "Add");
  tandem_list_append (tandem_document_get_activities (document), activity);
  tandem_list_append (tandem_document_get_themes (document), theme);
  tandem_list_append (tandem_checklist_section_get_items (section), item);
  tandem_list_append (tandem_checklist_get_sections (checklist), section);
  tandem_list_append (tandem_document_get_checklists (document), checklist);
  step = tandem_test_add_step (journey, TANDEM_MAP_SIDE_BEFORE, 0, 0, 1, "Call 111");
  tandem_list_append (tandem_step_get_quotes (step), quote);
  tandem_document_set_summary (document, "Nothing personal in the summary: 2,000 people.");
  tandem_document_commit (document);

  lines = describe_all (document);
  /* In the document's order: checklists, journeys, then the engagement record. */
  g_assert_cmpstrv ((const char * const *)lines->pdata, ((const char * const[]) {
    "Checklist “Board assurance”, question “Has the public been involved?”, evidence: "
      "an NHS number (943…)",
    "Journey “Feverish child”, a quote on step “Call 111”, the words: an NHS number (943…)",
    "Activity “Drop-in at the library”, place: a postcode (LS1 …)",
    "Activity “Drop-in at the library”, notes: an email address (a…@…)",
    "Theme “Buses to the hospital”, what people said: a telephone number (0770…)",
    NULL,
  }));

  /* Each finding says exactly where the text is, so the window can select it. */
  findings = tandem_personal_data_find (document);
  finding = g_ptr_array_index (findings, 3);
  g_assert_true (finding->object == TANDEM_OBJECT (activity));
  g_assert_cmpstr (finding->pspec->name, ==, "notes");
  g_assert_cmpuint (finding->end - finding->start, ==, strlen ("alice@example.com"));
  g_assert_true (strncmp (tandem_activity_get_notes (activity) + finding->start,
                          "alice@example.com", finding->end - finding->start) == 0);

  /* Removing it from the text removes the finding. */
  tandem_document_begin (document, "Edit");
  tandem_activity_set_notes (activity, "Sign-up sheet kept by the library.");
  tandem_document_commit (document);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = tandem_personal_data_find (document);
  g_assert_cmpuint (findings->len, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/personal-data/nhs-check-digit", test_nhs_check_digit);
  g_test_add_func ("/personal-data/nhs-in-text", test_nhs_numbers_in_text);
  g_test_add_func ("/personal-data/emails", test_emails);
  g_test_add_func ("/personal-data/phones", test_phones);
  g_test_add_func ("/personal-data/postcodes", test_postcodes);
  g_test_add_func ("/personal-data/mixed", test_mixed);
  g_test_add_func ("/personal-data/document", test_document);

  return g_test_run ();
}
