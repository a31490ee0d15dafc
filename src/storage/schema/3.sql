-- Tandem document, schema version 3: patient journeys before and after the change.

CREATE TABLE journey (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE stage (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  width REAL NOT NULL DEFAULT 260
) STRICT;

CREATE TABLE lane (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  height REAL NOT NULL DEFAULT 150
) STRICT;

CREATE TABLE journey_map (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  side TEXT NOT NULL DEFAULT 'before',
  notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE step (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  duration_minutes REAL NOT NULL DEFAULT 0,
  wait_minutes REAL NOT NULL DEFAULT 0,
  feeling TEXT NOT NULL DEFAULT 'unknown',
  touchpoint INTEGER NOT NULL DEFAULT 0,
  pain_point INTEGER NOT NULL DEFAULT 0,
  stage TEXT NOT NULL DEFAULT '',
  lane TEXT NOT NULL DEFAULT '',
  "order" REAL NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE quote (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  speaker_role TEXT NOT NULL DEFAULT '',
  consent INTEGER NOT NULL DEFAULT 0,
  session TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE connector (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  from_step TEXT NOT NULL DEFAULT '',
  to_step TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'next',
  label TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE replacement (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  before_step TEXT NOT NULL DEFAULT '',
  after_step TEXT NOT NULL DEFAULT ''
) STRICT;
