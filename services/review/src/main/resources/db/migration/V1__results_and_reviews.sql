-- Every experiment result review has read, once per action (results are redelivered at least once).
CREATE TABLE results (
    action_id   UUID PRIMARY KEY,
    goal_id     UUID        NOT NULL,
    status      VARCHAR(16) NOT NULL,
    result_json TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX results_goal ON results (goal_id);

-- Every review published, so a redelivered result re-publishes the same review instead of a new one.
CREATE TABLE reviews (
    claim_id     UUID PRIMARY KEY,
    goal_id      UUID        NOT NULL,
    verdict      VARCHAR(16) NOT NULL,
    score        DOUBLE PRECISION NOT NULL,
    review_json  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX reviews_goal ON reviews (goal_id);
