-- The verdict published for each action, exactly as published, and the hash of the action it was made on:
-- a redelivered action re-publishes it.
CREATE TABLE verdicts (
    action_id   UUID        PRIMARY KEY,
    goal_id     UUID        NOT NULL,
    decision    TEXT        NOT NULL,
    audit_seq   BIGINT      NOT NULL,
    decided_at  TIMESTAMPTZ NOT NULL,
    action_hash TEXT        NOT NULL,
    payload     TEXT        NOT NULL
);

-- Signed tickets, written in the transaction that audits the ALLOW (outbox-style): the payload is the exact
-- JSON that goes to execution.tickets, so a re-publish sends the same signature.
CREATE TABLE tickets (
    ticket_id  UUID        PRIMARY KEY,
    action_id  UUID        NOT NULL UNIQUE REFERENCES verdicts (action_id),
    goal_id    UUID        NOT NULL,
    audit_seq  BIGINT      NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    payload    TEXT        NOT NULL
);
