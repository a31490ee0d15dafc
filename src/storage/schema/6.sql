-- Tandem document, schema version 6: engagement evidence.
--
-- The project's groups of people (started from a built-in list, edited by the user), the
-- engagement log (activities, with the groups each reached and files attached to it), and
-- "you said, we did" (themes, with what they link to). Counts only: no participant's name or
-- contact. An answer's evidence can now point to an activity, a theme, a journey step or a
-- quote of the same project, as well as to a web page. An older file gains empty tables, and
-- every link it has keeps pointing to its web page.

CREATE TABLE engagement_group (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  builtin_key TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  most_affected INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE activity (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL DEFAULT 'case-for-change',
  method TEXT NOT NULL DEFAULT 'workshop',
  place TEXT NOT NULL DEFAULT '',
  participants INTEGER NOT NULL DEFAULT 0,
  support_payment INTEGER NOT NULL DEFAULT 0,
  support_travel INTEGER NOT NULL DEFAULT 0,
  support_childcare INTEGER NOT NULL DEFAULT 0,
  support_interpreter INTEGER NOT NULL DEFAULT 0,
  support_bsl INTEGER NOT NULL DEFAULT 0,
  support_easy_read INTEGER NOT NULL DEFAULT 0,
  support_accessible_venue INTEGER NOT NULL DEFAULT 0,
  support_online_option INTEGER NOT NULL DEFAULT 0,
  support_evening_or_weekend INTEGER NOT NULL DEFAULT 0,
  rung TEXT NOT NULL DEFAULT 'none',
  notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE activity_group (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  "group" TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE activity_file (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL DEFAULT 0,
  content_type TEXT NOT NULL DEFAULT '',
  blob TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE theme (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  said TEXT NOT NULL DEFAULT '',
  raised_by INTEGER NOT NULL DEFAULT 0,
  response TEXT NOT NULL DEFAULT 'none',
  change TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  fed_back_date TEXT NOT NULL DEFAULT '',
  fed_back_how TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE theme_link (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  target TEXT NOT NULL DEFAULT ''
) STRICT;

ALTER TABLE evidence_link ADD COLUMN target TEXT NOT NULL DEFAULT '';
