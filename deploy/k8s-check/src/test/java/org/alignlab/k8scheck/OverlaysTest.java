package org.alignlab.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders with kubectl kustomize and keeps every invariant; the overlays differ where they should. */
class OverlaysTest {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> Manifests.parse(
                Kustomize.render(Fixtures.repositoryRoot().resolve("k8s/overlays").resolve(name))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayKeepsEveryInvariant(String overlay) {
        List<Violation> violations = new OverlayChecks(Fixtures.repositoryRoot(), Fixtures.catalog())
                .check(rendered(overlay));

        assertThat(violations).as("invariants broken by k8s/overlays/" + overlay).isEmpty();
    }

    /** What `kubectl apply` would meet on a cluster with the pinned operators: nothing refused. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayMatchesThePinnedSchemas(String overlay) {
        List<Violation> violations = new SchemaCheck(Fixtures.schemas()).check(rendered(overlay));

        assertThat(violations).as("objects of k8s/overlays/" + overlay + " the API server would refuse").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRunsEveryService(String overlay) {
        List<String> deployments = rendered(overlay).ofType(Deployment.class).stream()
                .map(d -> d.getMetadata().getName()).toList();

        assertThat(deployments).containsAll(WorkloadCheck.SERVICES);
    }

    /** The checks found nothing wrong because they found what they look for, not because they found nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersWhatTheChecksInspect(String overlay) {
        Manifests manifests = rendered(overlay);
        TopicCoverageCheck topics = TopicCoverageCheck.fromAsyncApi(
                Fixtures.repositoryRoot().resolve("contracts/asyncapi.yaml"));

        assertThat(manifests.custom("KafkaUser")).extracting(u -> u.getMetadata().getName()).containsExactlyInAnyOrder(
                "orchestrator", "ideation", "monitor", "executor", "review", "audit-verifier");
        assertThat(manifests.custom("KafkaTopic")).hasSize(topics.topics().size());
        assertThat(manifests.custom("PrometheusRule")).hasSize(1);
        assertThat(manifests.ofType(Role.class)).extracting(r -> r.getMetadata().getName())
                .contains("executor-sandbox-jobs");
        assertThat(manifests.ofType(NetworkPolicy.class)).extracting(p -> p.getMetadata().getNamespace())
                .contains(SandboxCheck.NAMESPACE);
        // Issue 19's plain clients are found where they are, so their check is not vacuous.
        assertThat(PlainKafkaClients.scan(Fixtures.repositoryRoot(),
                PlainKafkaClients.topicConstants(Fixtures.repositoryRoot())))
                .extracting(c -> c.component() + " " + c.kinds() + " " + c.topics()).contains(
                        "monitor [consumer] [audit.checkpoints]", "audit-verifier [consumer] [audit.checkpoints]");
    }

    @Test
    void devRunsOneReplicaOfEachServiceOnCpu() {
        Manifests dev = rendered("dev");

        // No replicas field is one replica (the API server's default).
        assertThat(dev.ofType(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isIn(null, 1));
        assertThat(dev.ofType(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(gpuLimit(dev)).isNull();
    }

    @Test
    void prodScalesOutButNeverAutoscalesTheMonitor() {
        Manifests prod = rendered("prod");

        assertThat(deployment(prod, "monitor").getSpec().getReplicas()).isEqualTo(2);
        assertThat(prod.ofType(HorizontalPodAutoscaler.class)).allSatisfy(h -> assertThat(
                deployment(prod, h.getSpec().getScaleTargetRef().getName()).getSpec().getReplicas()).isNull());
        assertThat(prod.ofType(HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .contains("executor", "inference").doesNotContain("monitor");
        assertThat(gpuLimit(prod)).isEqualTo(new Quantity("1"));
        assertThat(prod.all()).anySatisfy(o -> {
            assertThat(o.getKind()).isEqualTo("RuntimeClass");
            assertThat(o.getMetadata().getName()).isEqualTo("gvisor");
        });
    }

    /** A CUDA libtorch is several GB: it comes with the image, and only DJL's JNI library goes to the cache. */
    @Test
    void prodLoadsTheCudaLibtorchFromTheImageNotIntoTheCache() {
        Manifests prod = rendered("prod");
        Map<String, String> config = prod.ofType(ConfigMap.class).stream()
                .filter(c -> "inference-config".equals(c.getMetadata().getName())).findFirst().orElseThrow().getData();

        assertThat(config).containsEntry("PYTORCH_FLAVOR", "cu128").containsEntry("PYTORCH_VERSION", "2.7.1")
                .containsEntry("PYTORCH_LIBRARY_PATH", "/opt/libtorch/lib");
        assertThat(config.get("PYTORCH_LIBRARY_PATH")).doesNotStartWith(config.get("DJL_CACHE_DIR"));
        assertThat(deployment(prod, "inference").getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> "djl-cache".equals(v.getName())).singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("256Mi")));
        assertThat(rendered("dev").ofType(ConfigMap.class)).filteredOn(c -> "inference-config".equals(
                c.getMetadata().getName())).singleElement().satisfies(c -> assertThat(c.getData())
                        .containsEntry("PYTORCH_FLAVOR", "cpu").doesNotContainKey("PYTORCH_LIBRARY_PATH"));
    }

    private static Quantity gpuLimit(Manifests manifests) {
        return deployment(manifests, "inference").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getResources().getLimits().get("nvidia.com/gpu");
    }

    private static Deployment deployment(Manifests manifests, String name) {
        return manifests.ofType(Deployment.class).stream().filter(d -> name.equals(d.getMetadata().getName()))
                .findFirst().orElseThrow();
    }
}
