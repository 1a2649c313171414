-- Replications and reviews are now queued on the platform's transactional outbox (db/platform/V1000) in the
-- transaction that stores them, so their own "sent" columns (proposals.published_at, reviews.published_at) go.
-- What the old per-goal flush had not sent is moved to the outbox first, so that an upgrade loses nothing: an unsent
-- replication would leave its round waiting for ever.
-- Repeatable because the outbox must exist first: Flyway runs repeatable migrations after every versioned one, the
-- platform's V1000 included, whereas a versioned V3 would run before V1000 on a database from before the platform.
-- It does its work once: after that the columns are gone and it finds nothing to do.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
                   AND table_name = 'proposals' AND column_name = 'published_at') THEN
        RETURN;
    END IF;
    -- In the old flush's order: replications, then reviews, oldest first. One sequence value per row (a whole
    -- block of the sequence's 50), so no id collides with a block Hibernate takes later.
    INSERT INTO outbox (id, topic, record_key, payload, created_at)
    SELECT nextval('outbox_seq'), unsent.topic, unsent.goal_id::text, unsent.payload, unsent.created_at
    FROM (SELECT 1 AS kind, 'agent.actions' AS topic, goal_id, action_json AS payload, created_at, action_id AS id
          FROM proposals WHERE published_at IS NULL
          UNION ALL
          SELECT 2, 'reviews', goal_id, review_json, created_at, claim_id
          FROM reviews WHERE published_at IS NULL
          ORDER BY kind, created_at, id) AS unsent;
    ALTER TABLE proposals DROP COLUMN published_at;
    ALTER TABLE reviews DROP COLUMN published_at;
END $$;
