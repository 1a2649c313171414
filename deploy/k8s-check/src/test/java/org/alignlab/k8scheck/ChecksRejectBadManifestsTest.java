package org.alignlab.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check, fed a deliberately bad manifest, names the object and the invariant it breaks. */
class ChecksRejectBadManifestsTest {

    @Test
    void workloadCheckNamesMissingProbesLimitsAndLooseSecurity() {
        List<String> found = messages(new WorkloadCheck().check(Fixtures.bad("workload.yaml")));

        assertThat(found).contains(
                "Deployment alignlab/review: pods run as non-root (pod securityContext.runAsNonRoot is not true)",
                "Deployment alignlab/review: no service-account token unless the pod calls the API server "
                        + "(automountServiceAccountToken is not false)",
                "Deployment alignlab/review container review: liveness and readiness probes "
                        + "(no livenessProbe no readinessProbe)",
                "Deployment alignlab/review container review: requests and limits (no memory request)",
                "Deployment alignlab/review container review: requests and limits (no cpu limit)",
                "Deployment alignlab/review container review: locked-down container security context "
                        + "(allowPrivilegeEscalation is not false)",
                "Deployment alignlab/review container review: locked-down container security context "
                        + "(readOnlyRootFilesystem is not true)",
                "Deployment alignlab/review container review: locked-down container security context "
                        + "(capabilities must drop ALL and add none)",
                "Deployment alignlab/review container review: locked-down container security context "
                        + "(seccomp profile is null, not RuntimeDefault)",
                "Deployment alignlab/monitor container monitor: services are probed on Quarkus health endpoints "
                        + "(livenessProbe must GET /q/health/live, not /health)",
                "Deployment alignlab/monitor container monitor: services are probed on Quarkus health endpoints "
                        + "(readinessProbe must GET /q/health/ready, not a non-HTTP probe)");
        assertThat(found).noneMatch(m -> m.startsWith("Deployment alignlab/monitor container monitor: requests"));
    }

    @Test
    void imageCheckNamesLatestBareAndMissingSandboxImages() {
        List<String> found = messages(new ImageCheck().check(Fixtures.bad("images.yaml")));

        assertThat(found).containsExactlyInAnyOrder(
                "Deployment alignlab/grafana container grafana: images pinned to a fixed tag, never latest "
                        + "(docker.io/grafana/grafana:latest uses latest)",
                "Deployment alignlab/grafana container sidecar: images pinned to a fixed tag, never latest "
                        + "(alignlab/orchestrator has no tag (set it in the overlay's images))",
                "ConfigMap alignlab/executor-config: images pinned to a fixed tag, never latest "
                        + "(ALIGNLAB_EXECUTOR_SANDBOX_KUBERNETES_IMAGE is not set: the overlay must name the pinned "
                        + "experiments image)");
    }

    @Test
    void imageReferencesArePinnedOnlyWithRegistryAndTagOrDigest() {
        assertThat(ImageCheck.problem("registry.alignlab.example/alignlab/monitor:0.1.0")).isEmpty();
        assertThat(ImageCheck.problem("docker.io/grafana/tempo@sha256:0123abcd")).isEmpty();
        assertThat(ImageCheck.problem("localhost:5000/alignlab/monitor")).hasValueSatisfying(
                problem -> assertThat(problem).contains("no tag"));
        assertThat(ImageCheck.problem("grafana/grafana:12.0.2")).hasValueSatisfying(
                problem -> assertThat(problem).contains("names no registry"));
    }

    @Test
    void secretCheckNamesSecretObjectsLiteralCredentialsAndAStolenSigningKey() {
        List<String> found = messages(new SecretCheck().check(Fixtures.bad("secrets.yaml")));

        assertThat(found).containsExactlyInAnyOrder(
                "Secret alignlab/alignlab-jwt: no secret values in the repository (a Secret object is rendered; "
                        + "reference a Secret created outside the repository instead)",
                "ConfigMap alignlab/monitor-config: no secret values in the repository (key "
                        + "QUARKUS_DATASOURCE_PASSWORD looks like a credential; read it from a Secret by reference)",
                "Deployment alignlab/executor container executor: no secret values in the repository "
                        + "(ALIGNLAB_EXECUTOR_MONITOR_TOKEN has a literal value; use valueFrom.secretKeyRef)",
                "Deployment alignlab/executor container executor: only the monitor holds the ticket-signing key "
                        + "(ALIGNLAB_MONITOR_SIGNING_KEY reads alignlab-ticket-signing/private-key)");
    }

    @Test
    void sandboxCheckNamesAnOpenSandbox() {
        List<String> found = messages(new SandboxCheck().check(Fixtures.bad("sandbox.yaml")));

        assertThat(found).containsExactlyInAnyOrder(
                "Namespace alignlab-sandbox: Pod Security Admission restricted "
                        + "(pod-security.kubernetes.io/enforce is null)",
                "Namespace alignlab-sandbox: default-deny ingress and egress in the sandbox namespace (no "
                        + "NetworkPolicy with an empty podSelector, policyTypes [Ingress, Egress] and no rules)",
                "NetworkPolicy alignlab-sandbox/allow-dns: default-deny ingress and egress in the sandbox namespace "
                        + "(it allows traffic; any allow rule re-opens the sandbox)",
                "Namespace alignlab-sandbox: ResourceQuota and LimitRange in the sandbox (no ResourceQuota)",
                "Namespace alignlab-sandbox: ResourceQuota and LimitRange in the sandbox (no LimitRange)",
                "Deployment alignlab-sandbox/helper: only the executor's Jobs run in the sandbox "
                        + "(a workload is deployed there)");
    }

    @Test
    void executorRoleCheckNamesEveryGrantBeyondItsJobs() {
        List<Violation> found = new ExecutorRoleCheck().check(Fixtures.bad("executor-role.yaml"));

        assertThat(found).extracting(Violation::object).containsOnly(
                "ClusterRoleBinding executor-view", "Role alignlab-sandbox/executor-sandbox-jobs");
        assertThat(found).extracting(Violation::invariant)
                .containsOnly("the executor's Role is limited to its sandbox Jobs");
        assertThat(found).extracting(Violation::detail).filteredOn(d -> d.startsWith("grants "))
                .extracting(d -> d.substring("grants ".length(), d.indexOf(',')))
                .containsExactlyInAnyOrder("batch/jobs/update", "/pods/exec/create", "/pods/exec/get",
                        "/secrets/create", "/secrets/get");
    }

    @Test
    void executorRoleCheckNamesEveryCallTheRoleDoesNotAllow() {
        List<String> found = messages(new ExecutorRoleCheck().check(Fixtures.bad("executor-role-missing.yaml")));

        assertThat(found).containsExactly(
                "Role alignlab-sandbox/executor-sandbox-jobs: the executor's Role is limited to its sandbox Jobs "
                        + "(lacks /events/list, which the Job sandbox calls: on a cluster that call fails with 403)",
                "Role alignlab-sandbox/executor-sandbox-jobs: the executor's Role is limited to its sandbox Jobs "
                        + "(lacks /pods/watch, which the Job sandbox calls: on a cluster that call fails with 403)");
    }

    @Test
    void kafkaAclCheckLetsOnlyTheMonitorWriteTicketsAndCheckpoints() {
        List<String> found = messages(new KafkaAclCheck().check(Fixtures.bad("kafka-users.yaml")));

        assertThat(found).containsExactlyInAnyOrder(
                "KafkaUser alignlab/ideation: only the monitor's KafkaUser writes execution.tickets "
                        + "(ACL [Write, Describe] on topic execution.tickets (literal))",
                "KafkaUser alignlab/review: only the monitor's KafkaUser writes audit.checkpoints "
                        + "(ACL [All] on topic audit. (prefix))",
                "KafkaUser alignlab/orchestrator: least-privilege Kafka ACLs per service "
                        + "(spec.authorization.type is not simple)",
                "Kafka alignlab/alignlab-kafka: the broker enforces the KafkaUsers' ACLs "
                        + "(super users [ideation] bypass every ACL, execution.tickets included)");
        assertThat(messages(new KafkaAclCheck().check(Fixtures.bad("kafka-open.yaml")))).containsExactly(
                "Kafka alignlab/alignlab-kafka: the broker enforces the KafkaUsers' ACLs "
                        + "(spec.kafka.authorization.type is null, not simple)");
    }

    @Test
    void aclCoverageCheckNamesMissingGrantsExcessWritesAndMissingUsers() {
        KafkaAclCoverageCheck check = new KafkaAclCoverageCheck(List.of(
                new ServiceChannels("monitor", Set.of("agent.actions"), Set.of("execution.tickets", "monitor.verdicts"),
                        Set.of("monitor")),
                new ServiceChannels("ideation", Set.of(), Set.of("agent.actions"), Set.of()),
                new ServiceChannels("executor", Set.of("execution.tickets"), Set.of(), Set.of("executor"))));

        List<String> found = messages(check.check(Fixtures.bad("kafka-users.yaml")));

        assertThat(found).containsExactlyInAnyOrder(
                "KafkaUser alignlab/monitor: the service's channels are authorised "
                        + "(Read on topic agent.actions is used but not granted)",
                "KafkaUser alignlab/monitor: the service's channels are authorised "
                        + "(Read on group monitor is used but not granted)",
                "KafkaUser alignlab/monitor: the service's channels are authorised "
                        + "(Write on topic monitor.verdicts is used but not granted)",
                "KafkaUser alignlab/ideation: the service's channels are authorised "
                        + "(Write on topic agent.actions is used but not granted)",
                "KafkaUser alignlab/ideation: least-privilege Kafka ACLs per service "
                        + "(Write on topic execution.tickets, which no channel of ideation publishes)",
                "KafkaUser alignlab/executor: a KafkaUser per service (not rendered, so executor cannot connect)");
    }

    @Test
    void serviceChannelsComeFromTheServicesOwnConfiguration() {
        ServiceChannels monitor = ServiceChannels.read(Fixtures.repositoryRoot(), "monitor");

        assertThat(monitor.reads()).contains("agent.actions", "audit.events");
        assertThat(monitor.writes()).contains("execution.tickets", "audit.checkpoints", "audit.events.dlq");
        assertThat(monitor.groups()).containsExactly("monitor");
    }

    @Test
    void topicCoverageCheckNamesEveryAsyncApiTopicWithoutAKafkaTopic() {
        TopicCoverageCheck check = TopicCoverageCheck.fromAsyncApi(
                Fixtures.repositoryRoot().resolve("contracts/asyncapi.yaml"));

        List<Violation> found = check.check(Fixtures.bad("topics.yaml"));

        assertThat(check.topics()).contains("execution.tickets", "execution.tickets.dlq", "audit.checkpoints");
        assertThat(found).extracting(Violation::object)
                .contains("KafkaTopic research.rounds.dlq", "KafkaTopic execution.tickets")
                .doesNotContain("KafkaTopic research.rounds")
                .hasSize(check.topics().size() - 1);
        assertThat(found).extracting(Violation::invariant)
                .containsOnly("every AsyncAPI topic and its DLQ has a KafkaTopic");
    }

    @Test
    void alertRuleCheckNamesMetricsNoServiceExports() {
        List<String> found = messages(new AlertRuleCheck(Fixtures.catalog()).check(Fixtures.bad("alert-rules.yaml")));

        assertThat(found).containsExactly("PrometheusRule alignlab/alignlab rule SuspicionTooHigh: queries only "
                + "exported metrics (alignlab_monitor_mood_bucket is not exported by any service)");
    }

    @Test
    void schemaCheckNamesWhatTheApiServerWouldRefuse() {
        List<String> found = messages(new SchemaCheck(Fixtures.schemas()).check(Fixtures.bad("schema.yaml")))
                .stream().map(m -> m.replace(SchemaCheck.INVARIANT, "schema")).toList();

        assertThat(found).containsExactlyInAnyOrder(
                "Kafka alignlab/alignlab-kafka: schema (no matches for kind Kafka in version kafka.strimzi.io/v1beta2: "
                        + "strimzi-1.0.1 serves [kafka.strimzi.io/v1] only)",
                "KafkaUser alignlab/monitor: schema (KafkaUser.spec.authorization.acls[0].operation: unknown field "
                        + "(known: host, operations, resource, type) [strimzi-1.0.1 kafkausers.kafka.strimzi.io])",
                "KafkaUser alignlab/monitor: schema (KafkaUser.spec.authorization.acls[0].operations: required field "
                        + "missing [strimzi-1.0.1 kafkausers.kafka.strimzi.io])",
                "KafkaTopic alignlab/reviews: schema (KafkaTopic.spec.partitions: must be an integer, not the string "
                        + "'6' [strimzi-1.0.1 kafkatopics.kafka.strimzi.io])",
                "Deployment alignlab/review: schema (Deployment.spec.replicas: must be an integer, not the string '2' "
                        + "[kubernetes io.k8s.api.apps.v1.Deployment])",
                "Deployment alignlab/review: schema (Deployment.spec.template.spec.containers[0].resource: unknown "
                        + "field [kubernetes io.k8s.api.apps.v1.Deployment])",
                "Deployment alignlab/review: schema (Deployment.spec.template.spec.containers[0].env: two items with "
                        + "the same key name=A (a list map admits each once) "
                        + "[kubernetes io.k8s.api.apps.v1.Deployment])",
                "Deployment alignlab/review: schema (Deployment.spec.template.spec.containers[0].name: required field "
                        + "missing [kubernetes io.k8s.api.apps.v1.Deployment])",
                "Service alignlab/review: schema (Service.spec.ports[0].port: must be an integer, not the string "
                        + "'8085' [kubernetes io.k8s.api.core.v1.Service])",
                "ConfigMap alignlab/review-config: schema (ConfigMap.data.QUARKUS_FLYWAY_MIGRATE_AT_START: must be a "
                        + "string, not boolean true [kubernetes io.k8s.api.core.v1.ConfigMap])",
                "HorizontalPodAutoscaler alignlab/review: schema (HorizontalPodAutoscaler.spec.maxReplicas: required "
                        + "field missing [kubernetes io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler])",
                "Cluster alignlab/alignlab-db: schema (Cluster.spec.storage.sizee: unknown field (known: pvcTemplate, "
                        + "resizeInUseVolumes, size, storageClass) "
                        + "[cloudnative-pg-1.30.0 clusters.postgresql.cnpg.io])",
                "PrometheusRule alignlab/alignlab: schema (PrometheusRule.spec.groups[0].rule: unknown field (known: "
                        + "interval, labels, limit, name, partial_response_strategy, query_offset, rules) "
                        + "[prometheus-operator-0.93.0 prometheusrules.monitoring.coreos.com])",
                "PrometheusRule alignlab/alignlab: schema (PrometheusRule.metadata.labelz: unknown field [kubernetes "
                        + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta])",
                "Widget alignlab/w: schema (no matches for kind Widget in version alignlab.example/v1: neither "
                        + "Kubernetes nor a pinned operator's CRD defines it)");
    }

    @Test
    void autoscalingCheckNamesReplicasAnHpaOwnsAndHpasWithoutATarget() {
        List<String> found = messages(new AutoscalingCheck().check(Fixtures.bad("autoscaling.yaml")));

        assertThat(found).containsExactlyInAnyOrder(
                "Deployment alignlab/review: an autoscaled Deployment leaves replicas to its HPA (sets replicas 2 "
                        + "while HorizontalPodAutoscaler review scales it: remove spec.replicas)",
                "HorizontalPodAutoscaler alignlab/ideation: an autoscaled Deployment leaves replicas to its HPA "
                        + "(scales Deployment ideation, which is not rendered)");
    }

    @Test
    void sandboxCapacityCheckNamesMoreJobsThanTheQuotaAdmitsAndPodsNoQuotaFits() {
        List<String> found = messages(new SandboxCapacityCheck().check(Fixtures.bad("sandbox-capacity.yaml")));

        assertThat(found).containsExactlyInAnyOrder(
                "ResourceQuota alignlab-sandbox/sandbox-quota: the sandbox quota admits every Job the executors may "
                        + "run at once (up to 6 executors (HPA executor maxReplicas) x 4 Jobs each "
                        + "(ALIGNLAB_EXECUTOR_MAX_CONCURRENT_SANDBOXES) = 24, but hard pods is 16: the rest are "
                        + "accepted as Jobs and never get a pod)",
                "ResourceQuota alignlab-sandbox/sandbox-quota: the sandbox quota admits every Job the executors may "
                        + "run at once (the LimitRange allows a pod cpu of 40, more than hard requests.cpu 32: such a "
                        + "ticket could never run)",
                "ResourceQuota alignlab-sandbox/sandbox-quota: the sandbox quota admits every Job the executors may "
                        + "run at once (the LimitRange allows a pod cpu of 40, more than hard limits.cpu 32: such a "
                        + "ticket could never run)");
    }

    @Test
    void kafkaClientSecurityCheckNamesPodsThatCannotAuthenticateToTheListener() {
        List<String> found = messages(new KafkaClientSecurityCheck().check(Fixtures.bad("kafka-client-security.yaml")))
                .stream().map(m -> m.replace(KafkaClientSecurityCheck.INVARIANT, "secure")).toList();

        assertThat(found).containsExactlyInAnyOrder(
                "Deployment alignlab/review container review: secure (KAFKA_SECURITY_PROTOCOL is null, the listener "
                        + "needs SASL_SSL)",
                "Deployment alignlab/review container review: secure (KAFKA_SASL_MECHANISM is null, the listener needs "
                        + "SCRAM-SHA-512)",
                "Deployment alignlab/review container review: secure (KAFKA_SASL_JAAS_CONFIG must come from Secret "
                        + "review key sasl.jaas.config, which Strimzi writes for KafkaUser review)",
                "Deployment alignlab/review container review: secure (KAFKA_SSL_TRUSTSTORE_LOCATION (null) must lie in "
                        + "a volume of Secret alignlab-kafka-cluster-ca-cert, or the brokers' certificates cannot be "
                        + "verified)",
                "Deployment alignlab/ideation container ideation: secure (KAFKA_SASL_JAAS_CONFIG must come from Secret "
                        + "ideation key sasl.jaas.config, which Strimzi writes for KafkaUser ideation)",
                "Deployment alignlab/ideation container ideation: secure (KAFKA_SSL_TRUSTSTORE_LOCATION (/tmp/ca.crt) "
                        + "must lie in a volume of Secret alignlab-kafka-cluster-ca-cert, or the brokers' certificates "
                        + "cannot be verified)");
    }

    /** Issue 19's point 3 as it was: plain consumers on bootstrap.servers alone, and no Read for the monitor. */
    @Test
    void plainKafkaClientCheckNamesClientsWithoutSecurityOrAcls() {
        List<PlainKafkaClients.Client> clients = PlainKafkaClients.scan(Fixtures.resource("bad-sources"),
                PlainKafkaClients.topicConstants(Fixtures.repositoryRoot()));

        List<String> found = messages(new PlainKafkaClientCheck(clients)
                .check(Fixtures.bad("plain-client-users.yaml")));

        assertThat(clients).extracting(PlainKafkaClients.Client::component).containsExactly("monitor",
                "audit-verifier");
        assertThat(found).containsExactlyInAnyOrder(
                "monitor services/monitor/src/main/java/org/alignlab/monitor/audit/CheckpointReader.java: every Kafka "
                        + "client takes the channels' security settings (builds a Kafka consumer without them: take "
                        + "@Identifier(\"default-kafka-broker\") or KafkaClientSettings, so security.protocol, sasl.* "
                        + "and ssl.* reach it as they reach the channels)",
                "KafkaUser alignlab/monitor: every Kafka client's topics are authorised (Read on topic "
                        + "audit.checkpoints is not granted, but services/monitor/src/main/java/org/alignlab/monitor/"
                        + "audit/CheckpointReader.java needs it)",
                "audit-verifier tools/audit-verifier/src/main/java/org/alignlab/auditverifier/KafkaCheckpoints.java: "
                        + "every Kafka client takes the channels' security settings (builds a Kafka consumer without "
                        + "them: take @Identifier(\"default-kafka-broker\") or KafkaClientSettings, so "
                        + "security.protocol, sasl.* and ssl.* reach it as they reach the channels)",
                "audit-verifier tools/audit-verifier/src/main/java/org/alignlab/auditverifier/KafkaCheckpoints.java: "
                        + "every Kafka client's topics are authorised (no KafkaUser audit-verifier is rendered, so it "
                        + "cannot authenticate)");
    }

    @Test
    void theOverlayChecksIncludeEveryCheck() {
        Manifests bad = Fixtures.bad("kafka-users.yaml");

        List<Violation> found = new OverlayChecks(Fixtures.repositoryRoot(), Fixtures.catalog()).check(bad);

        assertThat(found).extracting(Violation::invariant).contains(
                "only the monitor's KafkaUser writes execution.tickets",
                "every AsyncAPI topic and its DLQ has a KafkaTopic",
                "a sandbox namespace",
                "the executor's Role is limited to its sandbox Jobs");
        assertThat(new OverlayChecks(Fixtures.repositoryRoot(), Fixtures.catalog())
                .check(Fixtures.bad("kafka-client-security.yaml"))).extracting(Violation::invariant)
                .contains(KafkaClientSecurityCheck.INVARIANT);
        assertThat(new OverlayChecks(Fixtures.repositoryRoot(), Fixtures.catalog())
                .check(Fixtures.bad("sandbox-capacity.yaml"))).extracting(Violation::invariant)
                .contains(SandboxCapacityCheck.INVARIANT);
        assertThat(new OverlayChecks(Fixtures.repositoryRoot(), Fixtures.catalog())
                .check(Fixtures.bad("autoscaling.yaml"))).extracting(Violation::invariant)
                .contains(AutoscalingCheck.INVARIANT);
        assertThat(Set.copyOf(found)).hasSameSizeAs(found);
    }

    private static List<String> messages(List<Violation> violations) {
        return violations.stream().map(Violation::toString).toList();
    }
}
