-- The offline verifier's role (alignlab audit-verify, docs/audit-verification.md) reads the audit log and nothing
-- else. The role is created where the deployment creates roles (k8s/base/postgres/cluster.yaml; locally the same
-- file, replayed by deploy/infra); where it does not exist there is nobody to grant to.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'auditor') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO auditor', '${flyway:defaultSchema}');
        GRANT SELECT ON audit_log TO auditor;
    END IF;
END
$$;
