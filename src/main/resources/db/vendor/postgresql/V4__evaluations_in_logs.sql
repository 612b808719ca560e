-- Each evaluation is a leaf of one log (log_id, log_index). The hash chain's columns stay for the records written
-- before the logs existed: they are checked once more when those records are sealed into a log of their own.
ALTER TABLE audit_evaluation ADD COLUMN log_id VARCHAR(64);
ALTER TABLE audit_evaluation ADD COLUMN log_index BIGINT;
ALTER TABLE audit_evaluation ALTER COLUMN previous_hash DROP NOT NULL;
ALTER TABLE audit_evaluation ALTER COLUMN hash DROP NOT NULL;
CREATE UNIQUE INDEX audit_evaluation_leaf ON audit_evaluation (log_id, log_index);

-- seq stays the one order of all evaluations (newest first, keyset pages), but is no longer handed out under a
-- lock every instance shares: a sequence gives each writer its numbers without waiting for the others.
CREATE SEQUENCE audit_evaluation_seq;
SELECT setval('audit_evaluation_seq', (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_evaluation), false);
