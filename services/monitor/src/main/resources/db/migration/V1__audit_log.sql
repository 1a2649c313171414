-- The tamper-evident audit log: one hash chain per chain name, each record linked to its predecessor by
-- hash = SHA-256(prev_hash || canonicalJson(every other column)).
CREATE TABLE audit_log (
    chain          TEXT             NOT NULL,
    seq            BIGINT           NOT NULL,
    recorded_at    TIMESTAMPTZ      NOT NULL,
    type           TEXT             NOT NULL,
    goal_id        UUID,
    action_id      UUID,
    agent          TEXT,
    trace_id       TEXT,
    payload_hash   TEXT             NOT NULL,
    decision       TEXT,
    suspicion      DOUBLE PRECISION,
    policy_version TEXT,
    detail         TEXT,
    prev_hash      TEXT             NOT NULL,
    hash           TEXT             NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE INDEX audit_log_action_id ON audit_log (action_id);
CREATE INDEX audit_log_goal_id ON audit_log (goal_id);

-- One row per chain, locked FOR UPDATE by every append so that two appends can never fork the chain.
CREATE TABLE audit_head (
    chain TEXT   PRIMARY KEY,
    seq   BIGINT NOT NULL,
    hash  TEXT   NOT NULL
);
INSERT INTO audit_head (chain, seq, hash) VALUES ('main', 0, repeat('0', 64));

-- Inbox of audit.events already appended, so a redelivered event is appended once.
CREATE TABLE audit_event_inbox (
    event_id    UUID        PRIMARY KEY,
    chain       TEXT        NOT NULL,
    seq         BIGINT      NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
