package org.alignlab.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** k8s/versions.yaml is the one place versions are pinned: the manifests and the install guide follow it. */
class PinnedVersionsTest {

    private static final PinnedVersions VERSIONS = PinnedVersions.of(Fixtures.repositoryRoot());

    @Test
    void theInstallGuideInstallsEveryPinnedVersion() throws IOException {
        String guide = Files.readString(Fixtures.repositoryRoot().resolve("docs/operations.md"));

        VERSIONS.versions().forEach((name, version) -> assertThat(guide).as("docs/operations.md on " + name)
                .contains("| " + name + " | " + version + " |"));
        // ... and installs each operator at that version: the table is not all that names it.
        VERSIONS.versions().forEach((name, version) -> {
            if (!Set.of("kubernetes", "kafka").contains(name)) {
                assertThat(guide.split(Pattern.quote(version), -1)).as("install line of " + name + " " + version)
                        .hasSizeGreaterThan(2);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theKafkaClusterRunsThePinnedKafka(String overlay) {
        assertThat(OverlaysTest.rendered(overlay).custom("Kafka")).singleElement().satisfies(kafka -> assertThat(
                Manifests.text(Manifests.path(kafka, "spec", "kafka", "version")))
                .isEqualTo(VERSIONS.version("kafka")));
    }

    @Test
    void everySchemaSourceIsPinned() {
        SchemaCatalog.SCHEMA_SOURCES.forEach(source -> assertThat(VERSIONS.version(source)).isNotBlank());
    }
}
