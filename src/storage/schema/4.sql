-- Tandem document, schema version 4: a board record that can be trusted.
--
-- Who signed (the reviewer's role with every audit entry), sign-offs that can be verified
-- (the hash of the answers a sign-off covers; the audit trail as a SHA-256 hash chain, each
-- entry holding the hash of the one before, and the checklist holding the hash of the last
-- so that removing entries from the end shows), and decisions with reasons (why "Proceed"
-- or a sign-off stands while questions are not met, why a rating set by hand disagrees with
-- the status). The sign-off's "date" column, until now a typed date, is from this version
-- the optional meeting date; "signed_at" is the moment of signing, which nobody edits.
-- See help/C/checklist-trust.page for the canonical serialisations the hashes cover.

ALTER TABLE checklist ADD COLUMN decision_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE checklist ADD COLUMN audit_head TEXT NOT NULL DEFAULT '';

ALTER TABLE checklist_item ADD COLUMN rating_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE signoff ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE signoff ADD COLUMN answers_hash TEXT NOT NULL DEFAULT '';

ALTER TABLE audit_entry ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_entry ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_entry ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_entry ADD COLUMN hash TEXT NOT NULL DEFAULT '';
