-- The role the monitor's writing transactions run as (SET LOCAL ROLE, see AuditHeadRepository). It may read and
-- append audit records but holds no UPDATE, DELETE or TRUNCATE on them, so even with the trigger dropped the
-- application cannot rewrite history. Migrations run as the schema owner. In a cluster the service logs in as
-- this role directly (k8s/); locally the launcher's superuser connection switches to it per transaction.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'alignlab_monitor_app') THEN
        CREATE ROLE alignlab_monitor_app NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO alignlab_monitor_app;
GRANT SELECT, INSERT ON audit_log, audit_event_inbox, verdicts, tickets, actions TO alignlab_monitor_app;
GRANT SELECT, INSERT, UPDATE ON audit_head, held_actions, outbox TO alignlab_monitor_app;
GRANT USAGE, SELECT ON SEQUENCE outbox_seq TO alignlab_monitor_app;
