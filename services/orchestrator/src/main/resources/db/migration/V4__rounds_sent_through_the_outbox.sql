-- Rounds are requested through the platform's transactional outbox (db/platform/V1000__platform_outbox.sql): the
-- RoundRequested is written in the transaction that opens the round and the relay sends it after commit, so the
-- goal no longer tracks whether its round is on the broker, and no check publishes it again.
ALTER TABLE goals DROP COLUMN round_published;
