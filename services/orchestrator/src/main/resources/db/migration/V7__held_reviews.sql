-- A review held for a human because a result behind its claim lies far outside earlier runs of its configuration
-- names those results with the comparison review made (a JSON list of ResultAnomaly). NULL for every other review.
ALTER TABLE goal_reviews ADD COLUMN anomalies jsonb;
