-- Every successful run review has seen together with its action, in any goal: its configuration and its per-seed
-- metrics, so a later run of the same configuration is compared with it (issue 16, anomaly detection against
-- history); and whether the run was itself anomalous against the runs recorded before it. Recorded once per action.
CREATE TABLE run_history (
    action_id     UUID PRIMARY KEY,
    goal_id       UUID          NOT NULL,
    -- SHA-256 of the canonical JSON of family, effective params (the family's defaults filled in), split, script and
    -- the code version that ran it: runs that differ only in their seeds share it
    configuration CHAR(64)      NOT NULL,
    family        TEXT          NOT NULL,
    split         VARCHAR(16)   NOT NULL,
    -- {"metric": {"seed": value}}, the finite values of every metric the run reported per seed
    seed_values   TEXT          NOT NULL,
    -- a held run is never history for later ones: an outlier must not make the next outlier look ordinary
    anomalous     BOOLEAN       NOT NULL,
    -- the comparisons that found it anomalous (JSON list of ResultAnomaly), when it is
    anomalies     TEXT,
    -- one line: what it was compared with, or why it was not judged (too little history, no judged metric)
    judgement     VARCHAR(4000) NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX run_history_configuration ON run_history (configuration, recorded_at DESC);
CREATE INDEX run_history_goal ON run_history (goal_id);

-- When a claim's review was held for a human because a result behind it is anomalous: like a withdrawn claim, its
-- p-value no longer counts in the goal's Benjamini–Hochberg family (a suspect small p-value would loosen the
-- correction of the others).
ALTER TABLE claims ADD COLUMN held_at TIMESTAMPTZ;
