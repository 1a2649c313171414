package org.alignlab.k8scheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every invariant a rendered overlay must keep, in one place, so a new check cannot be left out of a test. The
 * schema check (SchemaCheck) runs beside these where the schema bundle is present: it needs data kept outside the
 * repository.
 */
public final class OverlayChecks {

    /** The services with Kafka channels (inference has none). */
    static final List<String> KAFKA_CLIENTS = List.of("orchestrator", "ideation", "monitor", "executor", "review");

    private final List<Check> checks;

    public OverlayChecks(Path repositoryRoot, MetricCatalog catalog) {
        this.checks = List.of(new WorkloadCheck(), new ImageCheck(), new SecretCheck(), new SandboxCheck(),
                new ExecutorRoleCheck(), new KafkaAclCheck(),
                TopicCoverageCheck.fromAsyncApi(repositoryRoot.resolve("contracts/asyncapi.yaml")),
                new AlertRuleCheck(catalog),
                new KafkaAclCoverageCheck(KAFKA_CLIENTS.stream()
                        .map(service -> ServiceChannels.read(repositoryRoot, service)).toList()),
                new KafkaClientSecurityCheck(),
                new PlainKafkaClientCheck(PlainKafkaClients.scan(repositoryRoot,
                        PlainKafkaClients.topicConstants(repositoryRoot))),
                new AutoscalingCheck(), new SandboxCapacityCheck());
    }

    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        checks.forEach(check -> violations.addAll(check.check(manifests)));
        return violations;
    }
}
