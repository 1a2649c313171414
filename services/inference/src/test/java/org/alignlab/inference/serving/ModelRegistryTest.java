package org.alignlab.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelLoadException;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.ModelSignature;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.model.ModelStore;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's bookkeeping with a stand-in engine; real DJL loading is covered by DjlModelEngineTest. */
class ModelRegistryTest {

    @TempDir
    Path store;

    /** Answers 0.25 / 0.75 for every row and records closes. */
    private final List<String> closed = new ArrayList<>();
    private final ModelEngine engine = new ModelEngine() {
        @Override
        public LoadedModel load(Path folder, ModelMetadata metadata) {
            return new LoadedModel() {
                @Override
                public ModelSignature signature() {
                    return metadata.signature();
                }

                @Override
                public List<Tensor> forward(List<Tensor> inputs) {
                    int rows = inputs.get(0).rows();
                    float[] scores = new float[rows * 2];
                    for (int row = 0; row < rows; row++) {
                        scores[2 * row] = 0.25f;
                        scores[2 * row + 1] = 0.75f;
                    }
                    return List.of(Tensor.float32(ModelMetadata.PROBABILITIES, new long[] {rows, 2}, scores));
                }

                @Override
                public void close() {
                    closed.add(metadata.name());
                }
            };
        }

        @Override
        public String device() {
            return "cpu()";
        }
    };
    private final RunnerFactory runners = new RunnerFactory(
            new BatchSettings(true, 8, Duration.ofMillis(1), 16, Duration.ofSeconds(5), 2), new SimpleMeterRegistry());
    private final List<ModelRegistry> registries = new ArrayList<>();

    @AfterEach
    void closeRegistries() {
        registries.forEach(ModelRegistry::close);
    }

    @Test
    void loadsEveryServedModelAndIgnoresOtherFolders() throws IOException {
        String version = classifier("monitor", null);
        Files.createDirectories(store.resolve("plain-folder"));
        ModelRegistry registry = registry(Set.of());

        registry.loadAll();

        ServedModel monitor = registry.model("monitor");
        assertThat(monitor.version()).isEqualTo(version).hasSize(12);
        assertThat(monitor.textClassifier().orElseThrow().classify("any text")).containsExactly(
                Map.entry("benign", 0.25), Map.entry("attack", 0.75));
        assertThatThrownBy(() -> registry.model("plain-folder")).isInstanceOf(UnknownModelException.class);
        assertThat(readiness(registry).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(readiness(registry).getData().orElseThrow()).containsEntry("models", "monitor@" + version)
                .containsEntry("device", "cpu()").containsEntry("batching", true);
    }

    @Test
    void nothingIsServedAndNothingIsReadyWhileLoading() throws IOException {
        classifier("monitor", null);
        ModelRegistry registry = registry(Set.of());

        assertThatThrownBy(() -> registry.model("monitor")).isInstanceOf(ModelNotLoadedException.class)
                .hasMessageContaining("still loading");
        assertThat(readiness(registry).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void weightsThatDoNotMatchTheirMetadataFailClosed() throws IOException {
        classifier("good", null);
        classifier("tampered", "000000000000");
        ModelRegistry registry = registry(Set.of());

        registry.loadAll();

        assertThatThrownBy(() -> registry.model("tampered")).isInstanceOf(ModelNotLoadedException.class);
        assertThat(registry.model("good")).isNotNull();
        HealthCheckResponse health = readiness(registry);
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(health.getData().orElseThrow()).containsEntry("failed", "tampered");
    }

    @Test
    void unreadableMetadataAndATorchScriptFileWithoutMetadataFailThatModel() throws IOException {
        Files.createDirectories(store.resolve("broken"));
        Files.writeString(store.resolve("broken").resolve(ModelMetadata.FILE_NAME), "{not json");
        Files.createDirectories(store.resolve("bare-torchscript"));
        Files.write(store.resolve("bare-torchscript").resolve("model.pt"), new byte[] {1, 2, 3});
        ModelRegistry registry = registry(Set.of());

        registry.loadAll();

        assertThatThrownBy(() -> registry.model("broken")).isInstanceOf(ModelNotLoadedException.class);
        assertThatThrownBy(() -> registry.model("bare-torchscript")).isInstanceOf(ModelNotLoadedException.class);
        assertThatThrownBy(() -> ModelFolder.servedMetadata(store.resolve("bare-torchscript")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("inputs and outputs");
    }

    @Test
    void aRequiredModelMissingFromTheStoreIsUnavailableNotUnknown() throws IOException {
        classifier("other", null);
        ModelRegistry registry = registry(Set.of("trusted-monitor"));

        registry.loadAll();

        assertThatThrownBy(() -> registry.model("trusted-monitor")).isInstanceOf(ModelNotLoadedException.class);
        HealthCheckResponse health = readiness(registry);
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(health.getData().orElseThrow()).containsEntry("failed", "trusted-monitor");
    }

    @Test
    void closingClosesEveryLoadedModel() throws IOException {
        classifier("a", null);
        classifier("b", null);
        ModelRegistry registry = registry(Set.of());
        registry.loadAll();

        registry.close();

        assertThat(closed).containsExactlyInAnyOrder("a", "b");
    }

    private ModelRegistry registry(Set<String> required) {
        ModelRegistry registry = new ModelRegistry(new ModelStore(store), engine, runners, required);
        registries.add(registry);
        return registry;
    }

    private HealthCheckResponse readiness(ModelRegistry registry) {
        return new ModelReadinessCheck(registry, engine, runners).call();
    }

    /** Writes a text-classifier folder; returns the version of its weights. */
    private String classifier(String name, String claimedVersion) throws IOException {
        Path folder = Files.createDirectories(store.resolve(name));
        Path weights = Files.write(folder.resolve(name + "-0000.params"), name.getBytes());
        String version = ModelFolder.version(weights);
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
