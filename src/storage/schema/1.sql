-- Tandem document, schema version 1: the project and its conditions.
--
-- Every table but "project" and "blob" holds one kind of model object: its id, the id of the
-- object whose list holds it, its position in that list, then one column per saved field
-- (see TandemObjectClass fields). Columns never hold SQL built from user data: all values are
-- bound parameters. Later versions add tables and columns in N.sql; the schema of a file at
-- version N is exactly what 1.sql to N.sql create, and Tandem refuses any other.

CREATE TABLE project (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  programme TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft',
  fictional INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE condition (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  key TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Files stored inside the document (evidence attachments), once each, by SHA-256.
CREATE TABLE blob (
  hash TEXT PRIMARY KEY NOT NULL,
  data BLOB NOT NULL
) STRICT;
