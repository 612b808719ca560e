-- The audit trail as Merkle-tree transparency logs (RFC 9162): each writing instance appends to a log of its own,
-- so no append takes a lock that another instance needs. Portable between SQLite and PostgreSQL.

-- One row per log, written only by the instance that owns the log. Each committed batch moves tree_size and the
-- signed checkpoint forward in the same transaction; the update is conditional on the size the writer last
-- committed, so a second process writing under the same log id fails instead of forking the log.
CREATE TABLE audit_log (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,  -- url-safe, stable across restarts of its instance
    origin        VARCHAR(300) NOT NULL,              -- <advisor.audit.origin>/<id>, the checkpoint's first line
    verifier_key  VARCHAR(400) NOT NULL,              -- the public key that signs its checkpoints (signed-note form)
    tree_size     BIGINT       NOT NULL,
    checkpoint    TEXT         NOT NULL               -- the latest checkpoint, a C2SP signed note
);

-- Every complete subtree of every log: level 0 holds the leaf hashes, level h the hash of the 2^h leaves from
-- tree_index * 2^h. An inclusion or consistency proof is then a few primary-key reads, whatever the log's size.
CREATE TABLE audit_tree_node (
    log_id      VARCHAR(64) NOT NULL,
    tree_level  INT         NOT NULL,
    tree_index  BIGINT      NOT NULL,
    hash        VARCHAR(64) NOT NULL,  -- hex SHA-256
    PRIMARY KEY (log_id, tree_level, tree_index)
);
