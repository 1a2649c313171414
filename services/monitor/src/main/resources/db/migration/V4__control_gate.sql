-- The trusted model's own score and who wrote each record join the hashed fields. Null fields are left out of
-- the canonical JSON that is hashed, so records written before these columns keep their hashes.
ALTER TABLE audit_log ADD COLUMN model_score DOUBLE PRECISION;
ALTER TABLE audit_log ADD COLUMN actor TEXT;

-- Every action the gate decided, exactly as received: what a reviewer reads and what an approval's ticket carries.
CREATE TABLE actions (
    action_id   UUID        PRIMARY KEY,
    goal_id     UUID        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    payload     TEXT        NOT NULL
);

-- The audit-budget ledger is warmed from recent verdicts at startup.
ALTER TABLE verdicts ADD COLUMN suspicion DOUBLE PRECISION;
ALTER TABLE verdicts ADD COLUMN calibrates BOOLEAN;
CREATE INDEX verdicts_decided_at ON verdicts (decided_at);

-- Actions held for a human. The audit chain keeps the facts; this row only tracks which holds are still open.
CREATE TABLE held_actions (
    action_id    UUID        PRIMARY KEY REFERENCES actions (action_id),
    goal_id      UUID        NOT NULL,
    held_at      TIMESTAMPTZ NOT NULL,
    audit_seq    BIGINT      NOT NULL,
    status       TEXT        NOT NULL,
    outcome      TEXT,
    decided_by   TEXT,
    decided_at   TIMESTAMPTZ,
    reason       TEXT,
    decision_seq BIGINT
);
CREATE INDEX held_actions_open ON held_actions (held_at) WHERE status = 'HELD';
CREATE INDEX held_actions_goal ON held_actions (goal_id);

-- Messages written with the decision that caused them and relayed to Kafka after commit.
CREATE SEQUENCE outbox_seq INCREMENT BY 50;
CREATE TABLE outbox (
    id           BIGINT      PRIMARY KEY,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    trace_id     TEXT,
    span_id      TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
