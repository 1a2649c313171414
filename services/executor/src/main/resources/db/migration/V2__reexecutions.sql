-- What each run ran, so the platform can run it again (null for runs recorded before this column).
alter table executions add column action jsonb;

-- Finished runs the platform runs again in a fresh sandbox to check that their stored result is what the action
-- produces (issue 16). A chosen run's row is written with its result, so it cannot finish without its re-run queued.
create table reexecutions (
    action_id    uuid primary key references executions (action_id),
    goal_id      uuid not null,
    reason       varchar(16) not null,
    status       varchar(16) not null,
    requested_at timestamptz not null,
    -- A RUNNING row whose lease has passed belongs to a process that died; another takes it over.
    lease_until  timestamptz,
    finished_at  timestamptz,
    detail       text,
    reproduced   jsonb
);
create index reexecutions_waiting on reexecutions (requested_at) where status in ('PENDING', 'RUNNING');
