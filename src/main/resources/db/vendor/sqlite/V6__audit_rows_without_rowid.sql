-- The rows every committed evaluation adds besides its own (about ten statement keys, ten fired rules and two tree
-- nodes) become WITHOUT ROWID tables: stored in the B-tree of their primary key alone, so each insert writes one
-- B-tree instead of a rowid table and its primary-key index. Same columns, same keys, same indexes; the rows are
-- copied as they are. PostgreSQL has no rowid and keeps its tables.
CREATE TABLE audit_statement_v6 (
    statement_key   VARCHAR(40)  NOT NULL,
    evaluation_seq  BIGINT       NOT NULL,
    PRIMARY KEY (statement_key, evaluation_seq)
) WITHOUT ROWID;
INSERT INTO audit_statement_v6 (statement_key, evaluation_seq)
SELECT statement_key, evaluation_seq FROM audit_statement;
DROP TABLE audit_statement;
ALTER TABLE audit_statement_v6 RENAME TO audit_statement;

CREATE TABLE audit_fired_rule_v6 (
    evaluation_seq  BIGINT       NOT NULL,
    position        INT          NOT NULL,
    rule_name       VARCHAR(300) NOT NULL,
    PRIMARY KEY (evaluation_seq, position)
) WITHOUT ROWID;
INSERT INTO audit_fired_rule_v6 (evaluation_seq, position, rule_name)
SELECT evaluation_seq, position, rule_name FROM audit_fired_rule;
DROP TABLE audit_fired_rule;
ALTER TABLE audit_fired_rule_v6 RENAME TO audit_fired_rule;
CREATE INDEX audit_fired_rule_name ON audit_fired_rule (rule_name, evaluation_seq);

CREATE TABLE audit_tree_node_v6 (
    log_id      VARCHAR(64) NOT NULL,
    tree_level  INT         NOT NULL,
    tree_index  BIGINT      NOT NULL,
    hash        VARCHAR(64) NOT NULL,
    PRIMARY KEY (log_id, tree_level, tree_index)
) WITHOUT ROWID;
INSERT INTO audit_tree_node_v6 (log_id, tree_level, tree_index, hash)
SELECT log_id, tree_level, tree_index, hash FROM audit_tree_node;
DROP TABLE audit_tree_node;
ALTER TABLE audit_tree_node_v6 RENAME TO audit_tree_node;
