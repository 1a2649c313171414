package org.alignlab.inference.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.model.ModelStore;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's bookkeeping with a stand-in engine; real DJL loading is covered by DjlModelEngineTest. */
class ClassifierRegistryTest {

    @TempDir
    Path store;

    /** Answers 0.25 / 0.75 for any input and records closes. */
    private final List<String> closed = new ArrayList<>();
    private final ModelEngine engine = (folder, metadata) -> new LoadedModel() {
        @Override
        public float[] probabilities(float[] features) {
            return new float[] {0.25f, 0.75f};
        }

        @Override
        public void close() {
            closed.add(metadata.name());
        }
    };

    @Test
    void loadsEveryTextClassifierAndIgnoresOtherFolders() throws IOException {
        String version = classifier("monitor", null);
        Files.createDirectories(store.resolve("plain-folder"));
        ClassifierRegistry registry = new ClassifierRegistry(new ModelStore(store), engine, Set.of());

        registry.loadAll();

        TextClassifier monitor = registry.classifier("monitor");
        assertThat(monitor.version()).isEqualTo(version).hasSize(12);
        assertThat(monitor.classify("any text")).containsExactly(
                java.util.Map.entry("benign", 0.25), java.util.Map.entry("attack", 0.75));
        assertThatThrownBy(() -> registry.classifier("plain-folder")).isInstanceOf(UnknownModelException.class);
        assertThat(readiness(registry).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(readiness(registry).getData().orElseThrow()).containsEntry("models", "monitor@" + version);
    }

    @Test
    void nothingIsServedAndNothingIsReadyWhileLoading() throws IOException {
        classifier("monitor", null);
        ClassifierRegistry registry = new ClassifierRegistry(new ModelStore(store), engine, Set.of());

        assertThatThrownBy(() -> registry.classifier("monitor")).isInstanceOf(ModelNotLoadedException.class)
                .hasMessageContaining("still loading");
        assertThat(readiness(registry).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void weightsThatDoNotMatchTheirMetadataFailClosed() throws IOException {
        classifier("good", null);
        classifier("tampered", "000000000000");
        ClassifierRegistry registry = new ClassifierRegistry(new ModelStore(store), engine, Set.of());

        registry.loadAll();

        assertThatThrownBy(() -> registry.classifier("tampered")).isInstanceOf(ModelNotLoadedException.class);
        assertThat(registry.classifier("good")).isNotNull();
        HealthCheckResponse health = readiness(registry);
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(health.getData().orElseThrow()).containsEntry("failed", "tampered");
    }

    @Test
    void unreadableMetadataFailsThatModel() throws IOException {
        Files.createDirectories(store.resolve("broken"));
        Files.writeString(store.resolve("broken").resolve(ModelMetadata.FILE_NAME), "{not json");
        ClassifierRegistry registry = new ClassifierRegistry(new ModelStore(store), engine, Set.of());

        registry.loadAll();

        assertThatThrownBy(() -> registry.classifier("broken")).isInstanceOf(ModelNotLoadedException.class);
    }

    @Test
    void aRequiredModelMissingFromTheStoreIsUnavailableNotUnknown() throws IOException {
        classifier("other", null);
        ClassifierRegistry registry = new ClassifierRegistry(new ModelStore(store), engine, Set.of("trusted-monitor"));

        registry.loadAll();

        assertThatThrownBy(() -> registry.classifier("trusted-monitor")).isInstanceOf(ModelNotLoadedException.class);
        HealthCheckResponse health = readiness(registry);
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(health.getData().orElseThrow()).containsEntry("failed", "trusted-monitor");
    }

    @Test
    void closingClosesEveryLoadedModel() throws IOException {
        classifier("a", null);
        classifier("b", null);
        ClassifierRegistry registry = new ClassifierRegistry(new ModelStore(store), engine, Set.of());
        registry.loadAll();

        registry.close();

        assertThat(closed).containsExactlyInAnyOrder("a", "b");
    }

    private static HealthCheckResponse readiness(ClassifierRegistry registry) {
        return new ClassifierReadinessCheck(registry).call();
    }

    /** Writes a text-classifier folder; returns the version of its weights. */
    private String classifier(String name, String claimedVersion) throws IOException {
        Path folder = Files.createDirectories(store.resolve(name));
        Path weights = Files.write(folder.resolve(name + "-0000.params"), name.getBytes());
        String version = ClassifierLoader.version(weights);
        Files.writeString(folder.resolve(ModelMetadata.FILE_NAME), """
                {"name": "%s", "task": "text-classification", "engine": "PyTorch", "labels": ["benign", "attack"],
                 "weights": "%s-0000.params", "version": "%s",
                 "features": {"kind": "hashed-ngrams-v1", "dimension": 64, "maxWordNgram": 1, "minCharNgram": 3,
                              "maxCharNgram": 3},
                 "network": {"kind": "binary-mlp", "hidden": 0}, "training": {"ignored": true}}
                """.formatted(name, name, claimedVersion == null ? version : claimedVersion));
        return version;
    }
}
