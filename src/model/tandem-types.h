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

#define TANDEM_TEXT_MAX      4096
#define TANDEM_LONG_TEXT_MAX (1024 * 1024)

G_END_DECLS
