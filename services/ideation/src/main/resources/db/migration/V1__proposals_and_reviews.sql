-- Every action ideation proposed, stored before it is published so a redelivered round re-publishes the
-- same actions (same ids) instead of proposing new ones.
CREATE TABLE proposals (
    id          UUID PRIMARY KEY,
    goal_id     UUID        NOT NULL,
    round       INTEGER     NOT NULL,
    ordinal     INTEGER     NOT NULL,
    policy      VARCHAR(200) NOT NULL,
    family      VARCHAR(64) NOT NULL,
    action_json TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT proposals_round_ordinal UNIQUE (goal_id, round, ordinal)
);

-- Reviews of earlier experiments; later policies learn from them. The latest review of a claim wins.
CREATE TABLE reviews_seen (
    claim_id    UUID PRIMARY KEY,
    goal_id     UUID        NOT NULL,
    verdict     VARCHAR(16) NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    review_json TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reviews_seen_goal ON reviews_seen (goal_id);
