-- The monitor signs every record it appends with its own key (the one that signs tickets, verdicts and
-- checkpoints), over the record's whole content and place in the chain, seq and prev_hash included. The columns
-- origin_key_id and origin_signature (V8) stay what they are, the reporting service's signature of the payload hash,
-- which covers none of the monitor's fields (type, seq, time, ids, detail): without the monitor's signature beside
-- it, a database credential could reuse an executor's signature under other such fields. Both columns are part of
-- the hashed content. Null in records written before this version, which a verifier therefore does not accept.
ALTER TABLE audit_log ADD COLUMN monitor_key_id TEXT;
ALTER TABLE audit_log ADD COLUMN monitor_signature TEXT;
