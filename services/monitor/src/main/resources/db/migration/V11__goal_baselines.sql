-- The baseline each goal compares against, per family: the first ideation experiment stating "Tests: the baseline"
-- that the gate allowed (GoalBaselineStore). The spec rules diff the goal's later proposals against its params, which
-- an operator may have pinned away from the family's defaults. Written once per goal and family, never changed.
CREATE TABLE goal_baselines (
    goal_id uuid NOT NULL,
    family text NOT NULL,
    action_id uuid NOT NULL REFERENCES actions (action_id),
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (goal_id, family)
);

GRANT SELECT, INSERT ON goal_baselines TO alignlab_monitor_app;
