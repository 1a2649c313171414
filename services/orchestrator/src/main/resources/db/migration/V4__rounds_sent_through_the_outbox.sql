-- Rounds are requested through the platform's transactional outbox (db/platform/V1000__platform_outbox.sql): the
-- RoundRequested is written in the transaction that opens the round and the relay sends it after commit, so the
-- goal no longer tracks whether its round is on the broker, and no check publishes it again.
-- A round the old after-commit publisher had not yet got onto the broker when this runs is not sent again (its
-- request was never stored); its round timeout closes it. Upgrade when
--   SELECT count(*) FROM orchestrator.goals WHERE status = 'RUNNING' AND NOT round_published
-- is 0, which it is whenever the broker has been up for a deadline-check interval.
ALTER TABLE goals DROP COLUMN round_published;
