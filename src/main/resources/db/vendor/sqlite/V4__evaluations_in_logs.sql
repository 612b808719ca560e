-- Each evaluation is a leaf of one log (log_id, log_index). The hash chain's columns stay for the records written
-- before the logs existed: they are checked once more when those records are sealed into a log of their own.
-- SQLite cannot drop a NOT NULL constraint, so the table is rebuilt (same columns, same indexes).
CREATE TABLE audit_evaluation_v4 (
    seq             BIGINT       NOT NULL PRIMARY KEY,  -- one instance writes SQLite: the next seq is MAX + 1
    id              VARCHAR(36)  NOT NULL UNIQUE,
    evaluated_at_us BIGINT       NOT NULL,
    label           VARCHAR(200),
    choice          VARCHAR(20)  NOT NULL,
    confidence      VARCHAR(10)  NOT NULL,
    rules_version   VARCHAR(64)  NOT NULL,
    duration_us     BIGINT       NOT NULL,
    facts           TEXT         NOT NULL,
    answer          TEXT         NOT NULL,
    previous_hash   VARCHAR(64),
    hash            VARCHAR(64),
    log_id          VARCHAR(64),
    log_index       BIGINT
);
INSERT INTO audit_evaluation_v4 (seq, id, evaluated_at_us, label, choice, confidence, rules_version, duration_us,
    facts, answer, previous_hash, hash)
SELECT seq, id, evaluated_at_us, label, choice, confidence, rules_version, duration_us, facts, answer,
    previous_hash, hash
FROM audit_evaluation;
DROP TABLE audit_evaluation;
ALTER TABLE audit_evaluation_v4 RENAME TO audit_evaluation;
CREATE INDEX audit_evaluation_time ON audit_evaluation (evaluated_at_us);
CREATE INDEX audit_evaluation_choice ON audit_evaluation (choice, seq);
CREATE INDEX audit_evaluation_rules_version ON audit_evaluation (rules_version, seq);
CREATE INDEX audit_evaluation_label ON audit_evaluation (label, seq);
CREATE UNIQUE INDEX audit_evaluation_leaf ON audit_evaluation (log_id, log_index);
