-- Every configuration ideation proposed for a goal, so no goal tests one twice. config_json is the canonical JSON
-- (RFC 8785) of the effective parameters (the family's defaults with the sent ones laid over them): equal text,
-- equal configuration. The validation outcome is filled in when the action's result arrives.
CREATE TABLE tested_configs (
    action_id    UUID PRIMARY KEY,
    goal_id      UUID        NOT NULL,
    family       VARCHAR(64) NOT NULL,
    config_json  TEXT        NOT NULL,
    params_json  TEXT        NOT NULL,
    proposed_at  TIMESTAMPTZ NOT NULL,
    status       VARCHAR(16),
    metrics_json TEXT,
    result_at    TIMESTAMPTZ,
    CONSTRAINT tested_configs_once_per_goal UNIQUE (goal_id, config_json)
);
