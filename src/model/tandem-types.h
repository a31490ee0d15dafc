/* tandem-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TandemObject      TandemObject;
typedef struct _TandemList        TandemList;
typedef struct _TandemDocument    TandemDocument;
typedef struct _TandemCondition   TandemCondition;
typedef struct _TandemTransaction TandemTransaction;

typedef struct _TandemChecklist        TandemChecklist;
typedef struct _TandemChecklistSection TandemChecklistSection;
typedef struct _TandemChecklistItem    TandemChecklistItem;
typedef struct _TandemEvidenceLink     TandemEvidenceLink;
typedef struct _TandemAttachment       TandemAttachment;
typedef struct _TandemSignoff          TandemSignoff;
typedef struct _TandemAuditEntry       TandemAuditEntry;

typedef struct _TandemJourney          TandemJourney;
typedef struct _TandemStage            TandemStage;
typedef struct _TandemLane             TandemLane;
typedef struct _TandemJourneyMap       TandemJourneyMap;
typedef struct _TandemStep             TandemStep;
typedef struct _TandemQuote            TandemQuote;
typedef struct _TandemVote             TandemVote;
typedef struct _TandemConnector        TandemConnector;
typedef struct _TandemReplacement      TandemReplacement;

typedef struct _TandemActivity         TandemActivity;
typedef struct _TandemActivityGroup    TandemActivityGroup;
typedef struct _TandemGroup            TandemGroup;
typedef struct _TandemTheme            TandemTheme;
typedef struct _TandemThemeLink        TandemThemeLink;

/**
 * TandemProjectStatus:
 *
 * Where the project stands; shown on the cover of the appendix.
 */
typedef enum
{
  TANDEM_PROJECT_STATUS_DRAFT,
  TANDEM_PROJECT_STATUS_FOR_REVIEW,
  TANDEM_PROJECT_STATUS_APPROVED,
  TANDEM_PROJECT_STATUS_WITHDRAWN,
} TandemProjectStatus;

/**
 * TandemItemStatus:
 *
 * Where a checklist item stands.
 */
typedef enum
{
  TANDEM_ITEM_STATUS_NOT_STARTED,
  TANDEM_ITEM_STATUS_IN_PROGRESS,
  TANDEM_ITEM_STATUS_MET,
  TANDEM_ITEM_STATUS_PARTLY_MET,
  TANDEM_ITEM_STATUS_NOT_MET,
  TANDEM_ITEM_STATUS_NOT_APPLICABLE,
} TandemItemStatus;

/**
 * TandemRag:
 * @TANDEM_RAG_NONE: no rating (not started, not applicable); as an override, "derive it"
 *
 * Red, amber, green. Always shown with its word, never by colour alone.
 */
typedef enum
{
  TANDEM_RAG_NONE,
  TANDEM_RAG_RED,
  TANDEM_RAG_AMBER,
  TANDEM_RAG_GREEN,
} TandemRag;

/**
 * TandemDecision:
 *
 * The board's decision on a checklist.
 */
typedef enum
{
  TANDEM_DECISION_UNDECIDED,
  TANDEM_DECISION_PROCEED,
  TANDEM_DECISION_PROCEED_WITH_CONDITIONS,
  TANDEM_DECISION_DO_NOT_PROCEED,
} TandemDecision;

/**
 * TandemLadderRung:
 *
 * The ladder of co-production (Think Local Act Personal), bottom to top.
 */
typedef enum
{
  TANDEM_LADDER_RUNG_NONE,
  TANDEM_LADDER_RUNG_COERCION,
  TANDEM_LADDER_RUNG_EDUCATING,
  TANDEM_LADDER_RUNG_INFORMING,
  TANDEM_LADDER_RUNG_CONSULTING,
  TANDEM_LADDER_RUNG_ENGAGING,
  TANDEM_LADDER_RUNG_CO_DESIGN,
  TANDEM_LADDER_RUNG_CO_PRODUCTION,
} TandemLadderRung;

/**
 * TandemMapSide:
 *
 * Which of a journey's two maps: the service today, or after the change.
 */
typedef enum
{
  TANDEM_MAP_SIDE_BEFORE,
  TANDEM_MAP_SIDE_AFTER,
} TandemMapSide;

/**
 * TandemFeeling:
 *
 * How a step felt, on a five-point scale from very bad (-2) to very good (+2).
 */
typedef enum
{
  TANDEM_FEELING_UNKNOWN,
  TANDEM_FEELING_VERY_BAD,
  TANDEM_FEELING_BAD,
  TANDEM_FEELING_NEUTRAL,
  TANDEM_FEELING_GOOD,
  TANDEM_FEELING_VERY_GOOD,
} TandemFeeling;

/**
 * TandemConnectorKind:
 *
 * What a connector between two steps means.
 */
typedef enum
{
  TANDEM_CONNECTOR_KIND_NEXT,
  TANDEM_CONNECTOR_KIND_BRANCH,
  TANDEM_CONNECTOR_KIND_LOOP,
} TandemConnectorKind;

/**
 * TandemTimeUnit:
 *
 * The units a wait or a duration is typed in. The model keeps minutes; the unit says what a
 * typed number means, and is kept with the step so that 1.5 hours reads back as 1.5 hours.
 */
typedef enum
{
  TANDEM_TIME_UNIT_MINUTES,
  TANDEM_TIME_UNIT_HOURS,
  TANDEM_TIME_UNIT_DAYS,
  TANDEM_N_TIME_UNITS /*< skip >*/
} TandemTimeUnit;

/**
 * TandemPaperPurpose:
 *
 * Why a board paper comes to the meeting, as NHS board papers say on their cover.
 */
typedef enum
{
  TANDEM_PAPER_PURPOSE_NONE,
  TANDEM_PAPER_PURPOSE_DECISION,
  TANDEM_PAPER_PURPOSE_ASSURANCE,
  TANDEM_PAPER_PURPOSE_INFORMATION,
} TandemPaperPurpose;

/**
 * TandemChangeStage:
 *
 * The stage of a service change at which an engagement activity took place, in order.
 */
typedef enum
{
  TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE,
  TANDEM_CHANGE_STAGE_OPTIONS,
  TANDEM_CHANGE_STAGE_PRE_CONSULTATION,
  TANDEM_CHANGE_STAGE_CONSULTATION,
  TANDEM_CHANGE_STAGE_DECISION,
  TANDEM_CHANGE_STAGE_IMPLEMENTATION,
  TANDEM_CHANGE_STAGE_EVALUATION,
  TANDEM_N_CHANGE_STAGES /*< skip >*/
} TandemChangeStage;

/**
 * TandemEngagementMethod:
 *
 * How people were involved in an engagement activity.
 */
typedef enum
{
  TANDEM_ENGAGEMENT_METHOD_WORKSHOP,
  TANDEM_ENGAGEMENT_METHOD_INTERVIEW,
  TANDEM_ENGAGEMENT_METHOD_FOCUS_GROUP,
  TANDEM_ENGAGEMENT_METHOD_SURVEY,
  TANDEM_ENGAGEMENT_METHOD_DROP_IN,
  TANDEM_ENGAGEMENT_METHOD_OUTREACH_VISIT,
  TANDEM_ENGAGEMENT_METHOD_ONLINE_EVENT,
  TANDEM_ENGAGEMENT_METHOD_CITIZENS_PANEL,
  TANDEM_ENGAGEMENT_METHOD_PUBLIC_MEETING,
  TANDEM_ENGAGEMENT_METHOD_OTHER,
  TANDEM_N_ENGAGEMENT_METHODS /*< skip >*/
} TandemEngagementMethod;

/**
 * TandemSupport:
 *
 * The support offered so that people could take part in an activity. Each is kept in the
 * file as a yes-or-no field of the activity (support_payment, support_travel, ...).
 */
typedef enum /*< flags >*/
{
  TANDEM_SUPPORT_NONE = 0,
  TANDEM_SUPPORT_PAYMENT = 1 << 0,
  TANDEM_SUPPORT_TRAVEL = 1 << 1,
  TANDEM_SUPPORT_CHILDCARE = 1 << 2,
  TANDEM_SUPPORT_INTERPRETER = 1 << 3,
  TANDEM_SUPPORT_BSL = 1 << 4,
  TANDEM_SUPPORT_EASY_READ = 1 << 5,
  TANDEM_SUPPORT_ACCESSIBLE_VENUE = 1 << 6,
  TANDEM_SUPPORT_ONLINE_OPTION = 1 << 7,
  TANDEM_SUPPORT_EVENING_OR_WEEKEND = 1 << 8,
} TandemSupport;

#define TANDEM_N_SUPPORTS 9

/**
 * TandemThemeResponse:
 * @TANDEM_THEME_RESPONSE_NONE: no response recorded yet (flagged)
 *
 * What the project did with a theme people raised ("you said, we did").
 */
typedef enum
{
  TANDEM_THEME_RESPONSE_NONE,
  TANDEM_THEME_RESPONSE_ADOPTED,
  TANDEM_THEME_RESPONSE_PARTLY_ADOPTED,
  TANDEM_THEME_RESPONSE_NOT_ADOPTED,
  TANDEM_THEME_RESPONSE_BEING_CONSIDERED,
} TandemThemeResponse;

/**
 * TandemFieldKind:
 *
 * How a persisted property is stored and checked by the storage layer. The model declares
 * each field once; SQLite, JSON and the validation of untrusted files all follow it.
 */
typedef enum
{
  TANDEM_FIELD_NONE,
  TANDEM_FIELD_VALUE,      /* number, boolean or enumeration; range from the GParamSpec */
  TANDEM_FIELD_TEXT,       /* one line of text, at most TANDEM_TEXT_MAX bytes */
  TANDEM_FIELD_LONG_TEXT,  /* paragraphs, at most TANDEM_LONG_TEXT_MAX bytes */
  TANDEM_FIELD_DATE,       /* "YYYY-MM-DD" or empty */
  TANDEM_FIELD_TIMESTAMP,  /* ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ" or empty */
  TANDEM_FIELD_REFERENCE,  /* the id of another object in the same document, or empty */
  TANDEM_FIELD_BLOB,       /* the SHA-256 of a file stored in the document, or empty */
  TANDEM_FIELD_CHILDREN,   /* a TandemList of owned child objects */
} TandemFieldKind;

/* An attachment stored in a document may be at most this large. */
#define TANDEM_ATTACHMENT_MAX_SIZE (25 * 1024 * 1024)

#define TANDEM_TEXT_MAX      4096
#define TANDEM_LONG_TEXT_MAX (1024 * 1024)

G_END_DECLS
