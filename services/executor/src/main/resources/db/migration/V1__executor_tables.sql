-- Every accepted ticket, written and committed before its action runs: each ticket once, each action once.
create table used_tickets (
    ticket_id uuid primary key,
    action_id uuid not null unique,
    used_at   timestamptz not null
);

-- Every run, from start to result.
create table executions (
    action_id   uuid primary key references used_tickets (action_id),
    ticket_id   uuid not null references used_tickets (ticket_id),
    goal_id     uuid not null,
    status      varchar(16) not null,
    sandbox     varchar(32) not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    duration_ms bigint,
    trace_id    varchar(32),
    result      jsonb
);
