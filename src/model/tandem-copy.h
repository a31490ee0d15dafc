/* tandem-copy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"

G_BEGIN_DECLS

/**
 * TandemCopyFlags:
 * @TANDEM_COPY_KEEP_IDS: the copy keeps the ids of the original (for a copy that stands for
 *   the same thing, as when answers are merged); without it every object gets a fresh id
 */
typedef enum
{
  TANDEM_COPY_DEFAULT  = 0,
  TANDEM_COPY_KEEP_IDS = 1 << 0,
} TandemCopyFlags;

gpointer tandem_object_copy (TandemObject    *object,
                             TandemCopyFlags  flags);

G_END_DECLS
