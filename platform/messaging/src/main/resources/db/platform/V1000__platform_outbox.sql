-- The transactional outbox of org.alignlab.platform.outbox, in every service schema that uses it: events written in
-- the transaction whose state they announce, sent to Kafka by the relay after it commits.
-- Platform migrations are numbered from 1000 so they never collide with a service's own (V1..V999); services run
-- Flyway out of order, so a service migration added later still applies (docs/decisions/0011-the-platform-library.md).
-- IF NOT EXISTS: the monitor had this table (its V4) before the platform took it over.
CREATE SEQUENCE IF NOT EXISTS outbox_seq INCREMENT BY 50;
CREATE TABLE IF NOT EXISTS outbox (
    id           BIGINT      PRIMARY KEY,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    trace_id     TEXT,
    span_id      TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (id) WHERE published_at IS NULL;
