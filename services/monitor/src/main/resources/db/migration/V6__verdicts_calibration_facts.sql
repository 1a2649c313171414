-- What the audit-budget ledger needs to warm its calibration window with the rules the gate applies live: the
-- proposing agent (the window caps each agent's share) and the thresholds in force (a score calibrates only the
-- thresholds it stayed below). Verdicts stored before this migration keep nulls and do not calibrate.
ALTER TABLE verdicts ADD COLUMN agent TEXT;
ALTER TABLE verdicts ADD COLUMN hold_threshold DOUBLE PRECISION;
ALTER TABLE verdicts ADD COLUMN defer_threshold DOUBLE PRECISION;
