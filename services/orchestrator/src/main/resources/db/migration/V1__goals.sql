-- Goals, the evidence that arrives for their actions, and their reports. Owned by the orchestrator alone.

CREATE TABLE goals (
    id                      uuid PRIMARY KEY,
    question                text        NOT NULL CHECK (char_length(question) BETWEEN 1 AND 4000),
    family                  text        NOT NULL,
    status                  text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'TIMED_OUT')),
    round                   integer     NOT NULL CHECK (round >= 1),
    budget_experiments      integer     NOT NULL CHECK (budget_experiments > 0),
    budget_compute_seconds  integer     NOT NULL CHECK (budget_compute_seconds > 0),
    budget_rounds           integer     NOT NULL CHECK (budget_rounds > 0),
    budget_wall_seconds     integer     NOT NULL CHECK (budget_wall_seconds > 0),
    created_at              timestamptz NOT NULL,
    completed_at            timestamptz,
    deadline_at             timestamptz NOT NULL,
    CHECK ((status = 'RUNNING') = (completed_at IS NULL))
);
CREATE INDEX goals_newest ON goals (created_at DESC, id DESC);
CREATE INDEX goals_running_deadline ON goals (deadline_at) WHERE status = 'RUNNING';

-- One row per agent action; verdict, result and review columns fill in as their events arrive, in any order.
CREATE TABLE goal_actions (
    action_id           uuid PRIMARY KEY,
    goal_id             uuid        NOT NULL REFERENCES goals (id),
    first_seen_at       timestamptz NOT NULL,
    decision            text CHECK (decision IN ('ALLOW', 'DEFER_TO_TRUSTED', 'HOLD', 'BLOCK')),
    suspicion           double precision,
    policy_version      text,
    audit_seq           bigint,
    audit_hash          text,
    verdict_trace_id    text,
    decided_at          timestamptz,
    result_status       text CHECK (result_status IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT', 'KILLED', 'REFUSED')),
    result_metrics      jsonb,
    result_duration_ms  bigint,
    result_trace_id     text,
    result_environment  jsonb,
    review_claim_id     uuid
);
CREATE INDEX goal_actions_goal ON goal_actions (goal_id, first_seen_at);

CREATE TABLE goal_reviews (
    claim_id     uuid PRIMARY KEY,
    goal_id      uuid             NOT NULL REFERENCES goals (id),
    verdict      text             NOT NULL CHECK (verdict IN ('ACCEPTED', 'REJECTED', 'INCONCLUSIVE')),
    score        double precision NOT NULL,
    rationale    text             NOT NULL,
    flags        jsonb            NOT NULL,
    action_ids   jsonb            NOT NULL,
    received_at  timestamptz      NOT NULL
);
CREATE INDEX goal_reviews_goal ON goal_reviews (goal_id, received_at);

CREATE TABLE goal_reports (
    goal_id       uuid PRIMARY KEY REFERENCES goals (id),
    generated_at  timestamptz NOT NULL,
    -- json, not jsonb: the text is kept as written, field order included.
    body          json        NOT NULL
);
