-- Every service instance that runs on this database, as its own heartbeat last reported it, so that any instance
-- can tell an operator which instances there are, whether they are alive and which rule set each one serves.
-- Portable between SQLite and PostgreSQL. Times are epoch milliseconds (UTC): a heartbeat needs no finer.

CREATE TABLE advisor_instance (
    id                        VARCHAR(200) NOT NULL PRIMARY KEY,  -- advisor.instance.id
    host                      VARCHAR(255) NOT NULL,
    pid                       BIGINT       NOT NULL,
    started_at_ms             BIGINT       NOT NULL,
    heartbeat_ms              BIGINT       NOT NULL,  -- its own heartbeat interval: silence is judged by it
    rules_version             VARCHAR(64)  NOT NULL,  -- the rule set version it serves
    rules_in_service_since_ms BIGINT       NOT NULL,  -- when that version went into service there
    last_reload_at_ms         BIGINT       NOT NULL,
    last_reload_ok            BOOLEAN      NOT NULL,
    last_reload_errors        INT          NOT NULL,
    last_seen_ms              BIGINT       NOT NULL,
    stopped_at_ms             BIGINT                  -- set by a graceful shutdown; a killed instance just falls silent
);
