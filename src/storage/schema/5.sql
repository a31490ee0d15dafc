-- Tandem document, schema version 5: several voices per step, the units times were typed in,
-- and the cover of a board paper.
--
-- A step's feeling becomes the votes of the people who went through it (anonymous: a label
-- such as "Parent A" at most); the single feeling of an older file becomes one vote, whose id
-- is the step's with "-vote" after it so that a migration gives the same file every time.
-- The wait and the duration keep the unit they were typed in; an older file gets the unit
-- Tandem showed for it until now, the largest in which the time is a whole number.
-- The project carries what an NHS board paper carries on its cover.

CREATE TABLE vote (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  feeling TEXT NOT NULL DEFAULT 'unknown',
  label TEXT NOT NULL DEFAULT ''
) STRICT;

INSERT INTO vote (id, parent_id, position, feeling, label)
  SELECT CASE WHEN length(id) <= 59 THEN id || '-vote' ELSE lower(hex(randomblob(16))) END,
         id, 0, feeling, ''
  FROM step WHERE feeling != 'unknown';

ALTER TABLE step DROP COLUMN feeling;

ALTER TABLE step ADD COLUMN duration_unit TEXT NOT NULL DEFAULT 'minutes';
ALTER TABLE step ADD COLUMN wait_unit TEXT NOT NULL DEFAULT 'minutes';

UPDATE step SET
  duration_unit = CASE
    WHEN duration_minutes > 0 AND duration_minutes = 1440 * round (duration_minutes / 1440) THEN 'days'
    WHEN duration_minutes > 0 AND duration_minutes = 60 * round (duration_minutes / 60) THEN 'hours'
    ELSE 'minutes' END,
  wait_unit = CASE
    WHEN wait_minutes > 0 AND wait_minutes = 1440 * round (wait_minutes / 1440) THEN 'days'
    WHEN wait_minutes > 0 AND wait_minutes = 60 * round (wait_minutes / 60) THEN 'hours'
    ELSE 'minutes' END;

ALTER TABLE project ADD COLUMN meeting TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN meeting_date TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN agenda_item TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN report_author TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN executive_sponsor TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN paper_purpose TEXT NOT NULL DEFAULT 'none';
ALTER TABLE project ADD COLUMN classification TEXT NOT NULL DEFAULT '';
