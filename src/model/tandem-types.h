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
