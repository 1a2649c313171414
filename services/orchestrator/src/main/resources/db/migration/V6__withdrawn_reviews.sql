-- A review withdrawn because a result behind its claim did not reproduce on re-execution names those results; it
-- replaces the claim's earlier review (still one row per claim). NULL for every other review.
ALTER TABLE goal_reviews ADD COLUMN quarantined_actions jsonb;
