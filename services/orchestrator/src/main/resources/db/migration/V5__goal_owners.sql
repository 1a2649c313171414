-- Goals have owners: the JWT subject of the researcher who created the goal. A researcher sees and cancels only
-- their own goals (reviewers and operators see every goal), and may have a bounded number running at once.
--
-- Goals created before this migration have no recorded owner and keep owner NULL: no researcher's subject matches
-- NULL, so they stay visible to reviewers and operators only (nobody can prove whose they were, and handing them
-- to every researcher would leak them). An operator who knows may hand one over:
--   UPDATE orchestrator.goals SET owner = '<subject>' WHERE id = '<goal id>';
ALTER TABLE goals ADD COLUMN owner text;
-- A researcher's listing (newest first) and the count of their running goals at every new goal.
CREATE INDEX goals_owner_newest ON goals (owner, created_at DESC, id DESC);
