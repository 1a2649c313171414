-- A HOLD is provisional: a reviewer's decision or the review timeout supersedes it with a later verdict. A
-- DEFER_TO_TRUSTED names the trusted replacement the round must wait for.
ALTER TABLE goal_actions ADD COLUMN decided_by TEXT;
ALTER TABLE goal_actions ADD COLUMN replacement_action_id UUID;
