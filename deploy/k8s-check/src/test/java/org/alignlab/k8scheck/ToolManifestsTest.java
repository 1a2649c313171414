package org.alignlab.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-off manifests under k8s/tools, which no overlay renders, get the same treatment: they match the pinned
 * schemas, run locked down, and use the images of the pinned versions.
 */
class ToolManifestsTest {

    @Test
    void everyToolManifestMatchesThePinnedSchemas() throws IOException {
        for (Path file : toolFiles()) {
            assertThat(new SchemaCheck(Fixtures.schemas()).check(Manifests.parse(Files.readString(file))))
                    .as(file.toString()).isEmpty();
        }
    }

    @Test
    void theCheckpointExportRunsLockedDownOnStrimzisImageOfThePinnedVersions() throws IOException {
        PinnedVersions versions = PinnedVersions.of(Fixtures.repositoryRoot());
        Pod pod = Manifests.parse(Files.readString(Fixtures.repositoryRoot()
                .resolve("k8s/tools/audit-checkpoints-export.yaml"))).ofType(Pod.class).get(0);
        Container container = pod.getSpec().getContainers().get(0);

        assertThat(container.getImage()).isEqualTo("quay.io/strimzi/kafka:" + versions.version("strimzi") + "-kafka-"
                + versions.version("kafka"));
        assertThat(pod.getMetadata().getLabels()).containsEntry("alignlab.org/audit-verifier", "true");
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("audit-verifier");
        });
        assertThat(String.join("\n", container.getCommand())).contains("security.protocol=SASL_SSL",
                "--partition 0", "--topic audit.checkpoints");
    }

    private static List<Path> toolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.repositoryRoot().resolve("k8s/tools"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
