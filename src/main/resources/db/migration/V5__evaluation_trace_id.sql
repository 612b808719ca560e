-- The W3C trace id of the request that asked for the evaluation, so that an auditor can join a decision to the logs
-- around it. Not part of the record's leaf (orm-advisor/audit-leaf/v1 is unchanged): it says where to look, it is not
-- what was decided. Records written before it existed keep NULL.
ALTER TABLE audit_evaluation ADD COLUMN trace_id VARCHAR(32);
