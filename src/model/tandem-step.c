/* tandem-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-step"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-document.h"
#include "tandem-journey.h"
#include "tandem-quote.h"
#include "tandem-step.h"
#include "tandem-vote.h"

/*
 * A step of a journey map, in one lane within one stage.
 */

struct _TandemStep
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemStep, tandem_step, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ROLE,
  PROP_PLACE,
  PROP_DURATION_MINUTES,
  PROP_WAIT_MINUTES,
  PROP_DURATION_UNIT,
  PROP_WAIT_UNIT,
  PROP_TOUCHPOINT,
  PROP_PAIN_POINT,
  PROP_STAGE,
  PROP_LANE,
  PROP_ORDER,
  PROP_QUOTES,
  PROP_VOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_step_validate (TandemObject  *object,
                      GError       **error)
{
  TandemStep *self = TANDEM_STEP (object);
  TandemJourney *journey = tandem_journey_for_object (object);

  if (journey == NULL)
    return TRUE;

  if (tandem_journey_find_stage (journey, tandem_step_get_stage (self)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The step “%.80s” of the journey “%.80s” is in a stage that the journey "
                     "does not have; each step must be in one of its journey’s stages."),
                   tandem_step_get_title (self), tandem_journey_get_title (journey));
      return FALSE;
    }

  if (tandem_journey_find_lane (journey, tandem_step_get_lane (self)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The step “%.80s” of the journey “%.80s” is in a lane that the journey "
                     "does not have; each step must be in one of its journey’s lanes."),
                   tandem_step_get_title (self), tandem_journey_get_title (journey));
      return FALSE;
    }

  return TRUE;
}

static void
tandem_step_class_init (TandemStepClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_step_validate;

  tandem_object_class_set_kind (tandem_class, "step");

  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_DESCRIPTION] = TANDEM_PARAM_STRING ("description", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_ROLE] = TANDEM_PARAM_STRING ("role", TANDEM_FIELD_TEXT);
  properties[PROP_PLACE] = TANDEM_PARAM_STRING ("place", TANDEM_FIELD_TEXT);
  properties[PROP_DURATION_MINUTES] = TANDEM_PARAM_DOUBLE ("duration-minutes", 0.0, TANDEM_STEP_MAX_MINUTES, 0.0);
  properties[PROP_WAIT_MINUTES] = TANDEM_PARAM_DOUBLE ("wait-minutes", 0.0, TANDEM_STEP_MAX_MINUTES, 0.0);
  properties[PROP_DURATION_UNIT] = TANDEM_PARAM_ENUM ("duration-unit", TANDEM_TYPE_TIME_UNIT, TANDEM_TIME_UNIT_MINUTES);
  properties[PROP_WAIT_UNIT] = TANDEM_PARAM_ENUM ("wait-unit", TANDEM_TYPE_TIME_UNIT, TANDEM_TIME_UNIT_MINUTES);
  properties[PROP_TOUCHPOINT] = TANDEM_PARAM_BOOLEAN ("touchpoint", FALSE);
  properties[PROP_PAIN_POINT] = TANDEM_PARAM_BOOLEAN ("pain-point", FALSE);
  properties[PROP_STAGE] = TANDEM_PARAM_STRING ("stage", TANDEM_FIELD_REFERENCE);
  properties[PROP_LANE] = TANDEM_PARAM_STRING ("lane", TANDEM_FIELD_REFERENCE);
  properties[PROP_ORDER] = TANDEM_PARAM_DOUBLE ("order", -1000000.0, 1000000.0, 0.0);
  properties[PROP_QUOTES] = tandem_param_children ("quotes", NULL, TANDEM_TYPE_QUOTE);
  properties[PROP_VOTES] = tandem_param_children ("votes", NULL, TANDEM_TYPE_VOTE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_step_init (TandemStep *self)
{
}

TandemStep *
tandem_step_new (void)
{
  return g_object_new (TANDEM_TYPE_STEP, NULL);
}

TANDEM_STRING_FIELD (TandemStep, tandem_step, title, PROP_TITLE)
TANDEM_STRING_FIELD (TandemStep, tandem_step, description, PROP_DESCRIPTION)
TANDEM_STRING_FIELD (TandemStep, tandem_step, role, PROP_ROLE)
TANDEM_STRING_FIELD (TandemStep, tandem_step, place, PROP_PLACE)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, duration_minutes, PROP_DURATION_MINUTES, double, double)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, wait_minutes, PROP_WAIT_MINUTES, double, double)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, duration_unit, PROP_DURATION_UNIT, TandemTimeUnit, enum)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, wait_unit, PROP_WAIT_UNIT, TandemTimeUnit, enum)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, touchpoint, PROP_TOUCHPOINT, gboolean, boolean)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, pain_point, PROP_PAIN_POINT, gboolean, boolean)
TANDEM_STRING_FIELD (TandemStep, tandem_step, stage, PROP_STAGE)
TANDEM_STRING_FIELD (TandemStep, tandem_step, lane, PROP_LANE)
TANDEM_SCALAR_FIELD (TandemStep, tandem_step, order, PROP_ORDER, double, double)
TANDEM_LIST_FIELD (TandemStep, tandem_step, quotes, PROP_QUOTES)
TANDEM_LIST_FIELD (TandemStep, tandem_step, votes, PROP_VOTES)

/* Several voices
 *
 * A step holds the feelings of the people who went through it as votes, anonymous (a label
 * at most). What one number must stand for them (the colour of the card, the lowest feeling
 * in the measures) is the median: half the room felt at least this bad. With an even number
 * of votes the median lies between the two middle votes; the feeling shown is the lower of
 * the two, a feeling someone actually gave and the cautious one, while the curve plots the
 * exact median. A step with one vote is the single feeling of files before version 5.
 */

static int
compare_feelings (gconstpointer a,
                  gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/**
 * tandem_step_get_spread:
 * @spread: (out): the votes counted, with their median and range
 *
 * Returns: %TRUE if the step has at least one vote
 */
gboolean
tandem_step_get_spread (TandemStep         *self,
                        TandemFeelingSpread *spread)
{
  TandemList *votes;
  g_autofree int *sorted = NULL;
  guint n;

  g_return_val_if_fail (TANDEM_IS_STEP (self), FALSE);
  g_return_val_if_fail (spread != NULL, FALSE);

  memset (spread, 0, sizeof *spread);
  spread->lowest = spread->highest = spread->median = TANDEM_FEELING_UNKNOWN;

  votes = tandem_step_get_votes (self);
  n = tandem_list_get_n (votes);
  if (n == 0)
    return FALSE;

  sorted = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      TandemFeeling feeling = tandem_vote_get_feeling (tandem_list_get (votes, i));

      sorted[i] = CLAMP (feeling, TANDEM_FEELING_VERY_BAD, TANDEM_FEELING_VERY_GOOD);
      spread->counts[sorted[i]]++;
    }
  qsort (sorted, n, sizeof *sorted, compare_feelings);

  spread->n_votes = n;
  spread->lowest = sorted[0];
  spread->highest = sorted[n - 1];
  spread->median = sorted[(n - 1) / 2];
  spread->median_value = (sorted[(n - 1) / 2] + sorted[n / 2]) / 2.0;

  return TRUE;
}

/**
 * tandem_step_get_feeling:
 *
 * Returns: the median of the step's votes (the lower middle vote when their number is even),
 *   or %TANDEM_FEELING_UNKNOWN when nobody has voted
 */
TandemFeeling
tandem_step_get_feeling (TandemStep *self)
{
  TandemFeelingSpread spread;

  g_return_val_if_fail (TANDEM_IS_STEP (self), TANDEM_FEELING_UNKNOWN);

  tandem_step_get_spread (self, &spread);
  return spread.median;
}

/**
 * tandem_step_add_vote:
 * @feeling: the feeling given, not %TANDEM_FEELING_UNKNOWN
 * @label: (nullable): what tells this vote apart, such as "Parent A"; never a name
 *
 * Adds one vote as one undo step of its own ("Vote"), or as part of the transaction already
 * open. This is what a key press of a room being polled calls.
 *
 * Returns: (transfer none): the vote
 */
TandemVote *
tandem_step_add_vote (TandemStep    *self,
                      TandemFeeling  feeling,
                      const char    *label)
{
  TandemDocument *document;
  g_autoptr(TandemVote) vote = NULL;

  g_return_val_if_fail (TANDEM_IS_STEP (self), NULL);
  g_return_val_if_fail (feeling > TANDEM_FEELING_UNKNOWN && feeling <= TANDEM_FEELING_VERY_GOOD,
                        NULL);

  document = tandem_object_get_document (TANDEM_OBJECT (self));
  vote = tandem_vote_new (feeling, label);

  if (document != NULL)
    tandem_document_begin (document, _("Vote"));
  tandem_list_append (tandem_step_get_votes (self), vote);
  if (document != NULL)
    tandem_document_commit (document);

  return vote;
}

/**
 * tandem_step_set_feeling:
 *
 * The feeling of a step with one voice: adds the first vote, changes the only vote, or with
 * %TANDEM_FEELING_UNKNOWN removes it. A step with several votes is left alone (changing them
 * all to one would silence the room): change its votes one by one.
 *
 * Returns: %TRUE if the step now has @feeling
 */
gboolean
tandem_step_set_feeling (TandemStep    *self,
                         TandemFeeling  value)
{
  TandemList *votes;
  g_autoptr(TandemVote) vote = NULL;

  g_return_val_if_fail (TANDEM_IS_STEP (self), FALSE);
  g_return_val_if_fail (value <= TANDEM_FEELING_VERY_GOOD, FALSE);

  votes = tandem_step_get_votes (self);
  switch (tandem_list_get_n (votes))
    {
    case 0:
      if (value != TANDEM_FEELING_UNKNOWN)
        {
          vote = tandem_vote_new (value, NULL);
          tandem_list_append (votes, vote);
        }
      return TRUE;

    case 1:
      if (value == TANDEM_FEELING_UNKNOWN)
        tandem_list_remove (votes, 0);
      else
        tandem_vote_set_feeling (tandem_list_get (votes, 0), value);
      return TRUE;

    default:
      return tandem_step_get_feeling (self) == value;
    }
}

/* Times as typed
 *
 * A wait or a duration is typed as a number in a unit. What is stored is the number times
 * the unit, in minutes, never a rounding of it for display: "0.1" hours is 6 minutes, and
 * 4 minutes is never shown as "0.1" hours (which would read back as 6). Minutes are kept to
 * a millionth, so that 0.1 × 60 is 6 and not 6.000000000000001.
 */

static const double unit_minutes[TANDEM_N_TIME_UNITS] = { 1, 60, 1440 };

#define TIME_DECIMALS 6

double
tandem_time_unit_minutes (TandemTimeUnit unit)
{
  g_return_val_if_fail (unit < TANDEM_N_TIME_UNITS, 1);

  return unit_minutes[unit];
}

static double
clean_minutes (double minutes)
{
  return round (minutes * 1e6) / 1e6;
}

static const char *
unit_plural (TandemTimeUnit unit)
{
  switch (unit)
    {
    case TANDEM_TIME_UNIT_HOURS:
      return _("hours");
    case TANDEM_TIME_UNIT_DAYS:
      return _("days");
    case TANDEM_TIME_UNIT_MINUTES:
    case TANDEM_N_TIME_UNITS:
    default:
      return _("minutes");
    }
}

/**
 * tandem_time_parse:
 * @text: what was typed: a number such as "4", "1.5" or "1,5"; empty means none
 * @unit: the unit chosen beside it
 * @minutes: (out): the time in minutes
 *
 * Returns: %TRUE if @text is a time; otherwise @error says what is wrong in one sentence
 */
gboolean
tandem_time_parse (const char      *text,
                   TandemTimeUnit   unit,
                   double          *minutes,
                   GError         **error)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (unit < TANDEM_N_TIME_UNITS, FALSE);
  g_return_val_if_fail (minutes != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    {
      *minutes = 0;
      return TRUE;
    }

  /* A decimal comma is as good as a point: people type what their keyboard has. */
  g_strdelimit (copy, ",", '.');
  value = g_ascii_strtod (copy, &end);

  /* Digits and one point only: not "1e3", "0x10" or "inf", which strtod would take. */
  if (copy[strspn (copy, "+-0123456789.")] != '\0' || end == copy || *end != '\0' ||
      !isfinite (value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a number of %s; type a number such as 2 or 1.5, or "
                     "leave it empty for none."), text, unit_plural (unit));
      return FALSE;
    }

  if (value < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A time cannot be negative; type 0 or more %s."), unit_plural (unit));
      return FALSE;
    }

  if (value * unit_minutes[unit] > TANDEM_STEP_MAX_MINUTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s %s is more than ten years; type a shorter time."), copy,
                   unit_plural (unit));
      return FALSE;
    }

  *minutes = clean_minutes (value * unit_minutes[unit]);
  return TRUE;
}

/**
 * tandem_time_format_exact:
 *
 * Returns: (transfer full) (nullable): @minutes as a number of @unit with no rounding, such
 *   as "2.5" for 150 minutes in hours or "" for none; %NULL when @unit cannot show it
 *   exactly (15 minutes is 0.0104166… days)
 */
char *
tandem_time_format_exact (double         minutes,
                          TandemTimeUnit unit)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double parsed;
  char *end;

  g_return_val_if_fail (unit < TANDEM_N_TIME_UNITS, NULL);

  if (minutes <= 0)
    return g_strdup ("");

  g_ascii_formatd (buffer, sizeof buffer, "%.6f", minutes / unit_minutes[unit]);

  /* Trailing zeros say nothing: "2.500000" is "2.5", "3.000000" is "3". */
  end = buffer + strlen (buffer) - 1;
  while (end > buffer && *end == '0')
    *end-- = '\0';
  if (end > buffer && *end == '.')
    *end = '\0';

  parsed = g_ascii_strtod (buffer, NULL);
  if (clean_minutes (parsed * unit_minutes[unit]) != clean_minutes (minutes))
    return NULL;

  return g_strdup (buffer);
}

/**
 * tandem_time_unit_for_minutes:
 *
 * Returns: the largest unit in which @minutes is a whole number (3 days, 4 hours, 90
 *   minutes), or minutes when none is
 */
TandemTimeUnit
tandem_time_unit_for_minutes (double minutes)
{
  minutes = clean_minutes (minutes);

  if (minutes <= 0)
    return TANDEM_TIME_UNIT_MINUTES;

  for (int unit = TANDEM_TIME_UNIT_DAYS; unit > TANDEM_TIME_UNIT_MINUTES; unit--)
    if (fmod (minutes, unit_minutes[unit]) == 0)
      return unit;

  return TANDEM_TIME_UNIT_MINUTES;
}
