-- The newest checkpoint the monitor signed, per chain: where the next one continues the checkpoint history from.
-- Replicas lock the row while they sign, so the history never forks. The row is a convenience, not a trust root:
-- the monitor checks its signature and prefers a newer checkpoint from the witness or its own memory, so a row
-- rolled back by someone with database access cannot make it sign history over again.
CREATE TABLE checkpoint_head (
    chain      text PRIMARY KEY,
    checkpoint text
);
INSERT INTO checkpoint_head (chain, checkpoint) VALUES ('main', NULL);
GRANT SELECT, UPDATE ON checkpoint_head TO alignlab_monitor_app;
