-- Tandem document, schema version 2: board assurance checklists.

CREATE TABLE checklist (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  template_id TEXT NOT NULL DEFAULT '',
  template_version INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT 'undecided',
  decision_conditions TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE checklist_section (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  key TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE checklist_item (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  key TEXT NOT NULL DEFAULT '',
  question TEXT NOT NULL DEFAULT '',
  guidance TEXT NOT NULL DEFAULT '',
  condition TEXT NOT NULL DEFAULT '',
  uses_ladder INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'not-started',
  rag_override TEXT NOT NULL DEFAULT 'none',
  evidence TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  due_date TEXT NOT NULL DEFAULT '',
  comments TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL DEFAULT '',
  ladder_rung TEXT NOT NULL DEFAULT 'none'
) STRICT;

CREATE TABLE evidence_link (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  uri TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE attachment (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL DEFAULT 0,
  content_type TEXT NOT NULL DEFAULT '',
  blob TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE signoff (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  declaration TEXT NOT NULL DEFAULT '',
  signed_at TEXT NOT NULL DEFAULT '',
  voided_at TEXT NOT NULL DEFAULT '',
  void_reason TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE audit_entry (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  timestamp TEXT NOT NULL DEFAULT '',
  who TEXT NOT NULL DEFAULT '',
  subject_id TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  field TEXT NOT NULL DEFAULT '',
  old_value TEXT NOT NULL DEFAULT '',
  new_value TEXT NOT NULL DEFAULT ''
) STRICT;
