/* tandem-merge-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MERGE_ENTRY (tandem_merge_entry_get_type ())

G_DECLARE_FINAL_TYPE (TandemMergeEntry, tandem_merge_entry, TANDEM, MERGE_ENTRY, GObject)

TandemMergeEntry *tandem_merge_entry_new              (TandemObject     *ours,
                                                       TandemObject     *theirs);
TandemObject     *tandem_merge_entry_get_ours         (TandemMergeEntry *self);
TandemObject     *tandem_merge_entry_get_theirs       (TandemMergeEntry *self);
TandemChecklist  *tandem_merge_entry_get_checklist    (TandemMergeEntry *self);
gboolean          tandem_merge_entry_is_decision      (TandemMergeEntry *self);
gboolean          tandem_merge_entry_get_agrees       (TandemMergeEntry *self);
gboolean          tandem_merge_entry_differs_in       (TandemMergeEntry *self,
                                                       const char       *field);
const char       *tandem_merge_entry_get_their_reviewer (TandemMergeEntry *self);
void              tandem_merge_entry_set_their_reviewer (TandemMergeEntry *self,
                                                         const char       *name);
gboolean          tandem_merge_entry_get_take_theirs  (TandemMergeEntry *self);
void              tandem_merge_entry_set_take_theirs  (TandemMergeEntry *self,
                                                       gboolean          take_theirs);
guint             tandem_merge_entry_get_n_differences (TandemMergeEntry *self);
const char       *tandem_merge_entry_get_difference   (TandemMergeEntry *self,
                                                       guint             i);
gboolean          tandem_merge_entry_get_take_field   (TandemMergeEntry *self,
                                                       const char       *field);
void              tandem_merge_entry_set_take_field   (TandemMergeEntry *self,
                                                       const char       *field,
                                                       gboolean          take_theirs);

G_END_DECLS
