-- Results whose action the platform re-ran in a fresh sandbox and got other metrics (a RESULT_MISMATCH audit event
-- signed by the executor): quarantined for good, never evidence. Keyed by action, so a second mismatch event for the
-- same result changes nothing. A result may be quarantined before review has received it.
CREATE TABLE quarantined_results (
    action_id      UUID PRIMARY KEY,
    goal_id        UUID          NOT NULL,
    -- the audit event that quarantined it, and what it said (the metrics that differ)
    event_id       UUID          NOT NULL,
    detail         VARCHAR(4000) NOT NULL,
    quarantined_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX quarantined_results_goal ON quarantined_results (goal_id);

-- When a claim's review was withdrawn because a result behind it is quarantined: its p-value no longer counts in the
-- goal's Benjamini–Hochberg family.
ALTER TABLE claims ADD COLUMN withdrawn_at TIMESTAMPTZ;
