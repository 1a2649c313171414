-- Several rounds per goal, budgets as hard limits, cancellation, and the progress events a researcher streams.

ALTER TABLE goals DROP CONSTRAINT goals_status_check;
ALTER TABLE goals ADD CONSTRAINT goals_status_check
    CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'TIMED_OUT', 'BUDGET_EXHAUSTED', 'CANCELLED'));
-- The round in progress closes at round_deadline_at at the latest; its RoundRequested is on the broker once
-- round_published is true (until then the deadline check publishes it again: ideation decides a round once).
ALTER TABLE goals ADD COLUMN round_timeout_seconds integer NOT NULL DEFAULT 600 CHECK (round_timeout_seconds > 0);
ALTER TABLE goals ADD COLUMN round_started_at timestamptz;
ALTER TABLE goals ADD COLUMN round_deadline_at timestamptz;
ALTER TABLE goals ADD COLUMN round_published boolean NOT NULL DEFAULT true;
ALTER TABLE goals ADD COLUMN end_reason text;
ALTER TABLE goals ADD COLUMN exhausted_budget text
    CHECK (exhausted_budget IN ('experiments', 'computeSeconds', 'rounds', 'wallSeconds'));
ALTER TABLE goals ADD COLUMN last_event_seq bigint NOT NULL DEFAULT 0;
UPDATE goals SET round_started_at = created_at, round_deadline_at = deadline_at;
ALTER TABLE goals ALTER COLUMN round_started_at SET NOT NULL;
ALTER TABLE goals ALTER COLUMN round_deadline_at SET NOT NULL;
CREATE INDEX goals_running_round_deadline ON goals (round_deadline_at) WHERE status = 'RUNNING';

-- What the proposing agent said about each action (from agent.actions), and what its run consumed.
ALTER TABLE goal_actions ADD COLUMN round integer;
ALTER TABLE goal_actions ADD COLUMN agent text;
ALTER TABLE goal_actions ADD COLUMN action_type text;
ALTER TABLE goal_actions ADD COLUMN policy text;
ALTER TABLE goal_actions ADD COLUMN hypothesis text;
ALTER TABLE goal_actions ADD COLUMN params jsonb;
ALTER TABLE goal_actions ADD COLUMN split text;
ALTER TABLE goal_actions ADD COLUMN parent_action_id uuid;
ALTER TABLE goal_actions ADD COLUMN result_cpu_seconds double precision;

-- The statistics behind each verdict, for ranking findings.
ALTER TABLE goal_reviews ADD COLUMN effect double precision;
ALTER TABLE goal_reviews ADD COLUMN interval_bounds jsonb;
ALTER TABLE goal_reviews ADD COLUMN p_value double precision;
ALTER TABLE goal_reviews ADD COLUMN adjusted_p double precision;

-- A goal's progress, numbered per goal under the goal's lock, so a late subscriber replays it in order.
CREATE TABLE goal_events (
    goal_id      uuid        NOT NULL REFERENCES goals (id),
    seq          bigint      NOT NULL CHECK (seq >= 1),
    type         text        NOT NULL,
    data         json        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    PRIMARY KEY (goal_id, seq)
);
