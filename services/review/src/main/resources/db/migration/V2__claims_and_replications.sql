-- Every action of a goal that review has heard of, filled in by whichever event arrives first: the action itself
-- (agent.actions), the monitor's verdict, or its result. A claim is formed once a round's actions are settled.
CREATE TABLE tracked_actions (
    action_id             UUID PRIMARY KEY,
    goal_id               UUID        NOT NULL,
    round                 INTEGER,
    agent                 VARCHAR(16),
    type                  VARCHAR(32),
    parent_action_id      UUID,
    action_json           TEXT,
    -- when the action itself arrived: a round is planned only after a quiet period with no new action
    action_seen_at        TIMESTAMPTZ,
    decision              VARCHAR(24),
    decided_at            TIMESTAMPTZ,
    replacement_action_id UUID,
    -- set when a published review covers this action
    claim_id              UUID,
    first_seen_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX tracked_actions_goal_round ON tracked_actions (goal_id, round);

-- A round of a goal: when its claims were formed (replications proposed) and when they were decided.
CREATE TABLE review_rounds (
    round_id     UUID PRIMARY KEY,
    goal_id      UUID        NOT NULL,
    round        INTEGER     NOT NULL,
    baseline_id  UUID,
    planned_at   TIMESTAMPTZ NOT NULL,
    decided_at   TIMESTAMPTZ,
    UNIQUE (goal_id, round)
);

-- One claim: a candidate against its baseline, the replications run for it, and the statistics it was judged on.
CREATE TABLE claims (
    claim_id              UUID PRIMARY KEY,
    goal_id               UUID             NOT NULL,
    round                 INTEGER          NOT NULL,
    candidate_action_id   UUID             NOT NULL,
    baseline_action_id    UUID             NOT NULL,
    metric                VARCHAR(128)     NOT NULL,
    higher_is_better      BOOLEAN          NOT NULL,
    verdict               VARCHAR(16),
    p_value               DOUBLE PRECISION,
    adjusted_p            DOUBLE PRECISION,
    validation_gain       DOUBLE PRECISION,
    validation_p          DOUBLE PRECISION,
    heldout_gain          DOUBLE PRECISION,
    hedges_g              DOUBLE PRECISION,
    overfit_to_proxy      BOOLEAN,
    created_at            TIMESTAMPTZ      NOT NULL,
    decided_at            TIMESTAMPTZ
);
CREATE INDEX claims_goal ON claims (goal_id);

-- Review's own REPLICATE_EXPERIMENT actions: stored with the plan, published to agent.actions after the commit.
CREATE TABLE proposals (
    action_id      UUID PRIMARY KEY,
    goal_id        UUID        NOT NULL,
    round          INTEGER     NOT NULL,
    for_action_id  UUID        NOT NULL,
    split          VARCHAR(16) NOT NULL,
    action_json    TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    published_at   TIMESTAMPTZ
);
CREATE INDEX proposals_goal ON proposals (goal_id);

-- Reviews are now decided inside the goal's transaction and sent after it; unsent ones are re-sent.
ALTER TABLE reviews ADD COLUMN published_at TIMESTAMPTZ;
UPDATE reviews SET published_at = created_at;
