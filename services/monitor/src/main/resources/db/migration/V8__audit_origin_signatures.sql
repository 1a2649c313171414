-- Records another service reported (the executor's execution events) keep that service's key id and its signature
-- of the payload hash, checked before the append, so a verifier can tell who vouched for them. Both are part of the
-- hashed content; null for the monitor's own records, which the canonical JSON leaves out, so older hashes hold.
ALTER TABLE audit_log ADD COLUMN origin_key_id TEXT;
ALTER TABLE audit_log ADD COLUMN origin_signature TEXT;
