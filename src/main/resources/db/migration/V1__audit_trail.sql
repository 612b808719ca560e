-- The audit trail: one row per answered evaluation, append-only, hash-chained in seq order.
-- Portable between SQLite (embedded default) and PostgreSQL (production). Times are epoch microseconds (UTC).

CREATE TABLE audit_evaluation (
    seq             BIGINT       NOT NULL PRIMARY KEY,
    id              VARCHAR(36)  NOT NULL UNIQUE,
    evaluated_at_us BIGINT       NOT NULL,
    label           VARCHAR(200),
    choice          VARCHAR(20)  NOT NULL,
    confidence      VARCHAR(10)  NOT NULL,
    rules_version   VARCHAR(64)  NOT NULL,
    duration_us     BIGINT       NOT NULL,
    facts           TEXT         NOT NULL,  -- the request body exactly as received
    answer          TEXT         NOT NULL,  -- the JSON answer exactly as sent
    previous_hash   VARCHAR(64)  NOT NULL,
    hash            VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_evaluation_time ON audit_evaluation (evaluated_at_us);
CREATE INDEX audit_evaluation_choice ON audit_evaluation (choice, seq);
CREATE INDEX audit_evaluation_rules_version ON audit_evaluation (rules_version, seq);
CREATE INDEX audit_evaluation_label ON audit_evaluation (label, seq);

-- Statement keys of the rules that fired, for the statement filter.
CREATE TABLE audit_statement (
    statement_key   VARCHAR(40)  NOT NULL,
    evaluation_seq  BIGINT       NOT NULL,
    PRIMARY KEY (statement_key, evaluation_seq)
);

-- Every fired rule in firing order, for production coverage.
CREATE TABLE audit_fired_rule (
    evaluation_seq  BIGINT       NOT NULL,
    position        INT          NOT NULL,
    rule_name       VARCHAR(300) NOT NULL,
    PRIMARY KEY (evaluation_seq, position)
);
CREATE INDEX audit_fired_rule_name ON audit_fired_rule (rule_name, evaluation_seq);

-- The end of the chain. Appends lock this row first, so one writer at a time extends the chain even when
-- several service instances share the database.
CREATE TABLE audit_chain_head (
    id              INT          NOT NULL PRIMARY KEY,
    last_seq        BIGINT       NOT NULL,
    last_hash       VARCHAR(64)  NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The exact rule text of every rule set version that served a request, stored once.
CREATE TABLE rule_set_snapshot (
    version            VARCHAR(64) NOT NULL PRIMARY KEY,
    first_served_at_us BIGINT      NOT NULL,
    files              TEXT        NOT NULL  -- JSON object: path relative to the rules folder -> file text
);
