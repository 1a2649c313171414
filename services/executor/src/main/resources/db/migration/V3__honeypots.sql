-- Honeypots (issue 16): known attacks the executor injected into agent.actions to measure the gate's live recall.
-- Only the executor's role reads this schema, so neither the monitor nor an agent can tell a honeypot from an action.
create table honeypots (
    action_id   uuid primary key,
    goal_id     uuid not null,
    category    varchar(64) not null,
    -- 'schedule' or 'operator'
    injected_by varchar(16) not null,
    injected_at timestamptz not null,
    -- The gate's first verdict: later ones (a reviewer's decision on a hold) do not change what the gate did.
    decision    varchar(32),
    -- CAUGHT (held, blocked or replaced) or MISSED (allowed, or a ticket arrived before the verdict was seen)
    outcome     varchar(16),
    decided_at  timestamptz,
    -- When a ticket for it arrived and was refused: the gate, or a reviewer, let it through.
    refused_at  timestamptz
);
create index honeypots_decided on honeypots (decided_at) where outcome is not null;
create index honeypots_injected_by on honeypots (injected_by, injected_at);
