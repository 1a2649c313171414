package org.alignlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.runner.RunnerOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void runsWeakToStrongEndToEnd() throws Exception {
        int code = run(FamiliesMain.builtIn(), spec("weak-to-strong",
                "{\"nTrain\": 300, \"nTest\": 300, \"epochs\": 5}", "[1, 2]"));

        assertThat(code).as(log()).isEqualTo(Runner.OK);
        String json = Files.readString(dir.resolve("out.json"));
        assertThat(EventValidator.describe(EventValidator.instance().load(RunnerOutput.SCHEMA_FILE)
                .validate(Json.parse(json)))).isEmpty();
        RunnerOutput output = Json.mapper().readValue(json, RunnerOutput.class);
        assertThat(output.perSeed()).extracting(SeedMetrics::seed).containsExactly(1, 2);
        assertThat(output.metrics()).containsKeys("acc_weak", "acc_w2s", "acc_ceiling", "pgr",
                "acc_w2s_std", "acc_w2s_ci95_lo", "acc_w2s_ci95_hi");
        assertThat(output.environment().codeVersion()).isEqualTo("dev");
        assertThat(output.environment().pytorch()).isEqualTo("2.7.1");
        assertThat(log()).contains("seed 1 (1/2", "seed 2 (2/2", "acc_w2s=");
    }

    @Test
    void runsTheOtherFamiliesThroughTheSameCli() throws Exception {
        assertThat(run(FamiliesMain.builtIn(), spec("reward-overoptimization",
                "{\"proxySamples\": 16, \"prompts\": 20, \"maxN\": 8, \"epochs\": 5}", "[1]")))
                .as(log()).isEqualTo(Runner.OK);
        assertThat(Json.mapper().readValue(dir.resolve("out.json").toFile(), RunnerOutput.class).metrics())
                .containsKeys("gold_n1", "gold_n8", "proxy_n8", "kl_n8", "fit_alpha", "fit_beta", "gold_peak_n");

        assertThat(run(FamiliesMain.builtIn(), spec("linear-probe",
                "{\"nTrain\": 100, \"nProbe\": 100, \"nTest\": 100, \"epochs\": 2, \"probeEpochs\": 2}", "[1]")))
                .as(log()).isEqualTo(Runner.OK);
        assertThat(Json.mapper().readValue(dir.resolve("out.json").toFile(), RunnerOutput.class).metrics())
                .containsKeys("task_acc", "concept_acc_hidden2", "control_acc_input", "selectivity_hidden1");
    }

    @Test
    void invalidSpecNamesTheField() throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec,
                "{\"family\": \"weak-to-strong\", \"params\": {}, \"seeds\": [], \"split\": \"validation\","
                        + " \"resources\": {\"cpuSeconds\": 60, \"memoryMb\": 512, \"wallSeconds\": 60}}");

        assertThat(run(FamiliesMain.builtIn(), spec)).isEqualTo(Runner.BAD_REQUEST);
        assertThat(log()).contains("seeds");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void unknownFamilyIsABadRequest() throws Exception {
        assertThat(run(FamiliesMain.builtIn(), spec("reward-hacking", "{}", "[1]"))).isEqualTo(Runner.BAD_REQUEST);
        assertThat(log()).contains("unknown family reward-hacking", "weak-to-strong");
    }

    @Test
    void unknownParamIsABadRequest() throws Exception {
        assertThat(run(FamiliesMain.builtIn(), spec("weak-to-strong", "{\"epoch\": 3}", "[1]")))
                .isEqualTo(Runner.BAD_REQUEST);
        assertThat(log()).contains("unknown param epoch");
    }

    @Test
    void familyFailureExitsOneWithTheReason() throws Exception {
        Families failing = new Families(List.of(new Fixed("fails", null)));

        assertThat(run(failing, spec("fails", "{}", "[1]"))).isEqualTo(Runner.FAILED);
        assertThat(log()).contains("failed: out of cheese");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void nonFiniteMetricIsAFailureNamingIt() throws Exception {
        Families nan = new Families(List.of(new Fixed("nan", Map.of("loss", Double.NaN))));

        assertThat(run(nan, spec("nan", "{}", "[4]"))).isEqualTo(Runner.FAILED);
        assertThat(log()).contains("seed 4: metric loss is NaN");
    }

    @Test
    void metricTheOutputCannotHoldIsAFailureNamingIt() throws Exception {
        Families badName = new Families(List.of(new Fixed("bad", Map.of("acc\u0000", 0.5))));

        assertThat(run(badName, spec("bad", "{}", "[4]"))).isEqualTo(Runner.FAILED);
        assertThat(log()).contains("seed 4: metric name \"acc\u0000\"");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void badArgumentsPrintUsage() {
        Runner runner = new Runner(FamiliesMain.builtIn(), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(runner.run(new String[] {"--spec", "a.json"})).isEqualTo(Runner.BAD_REQUEST);
        assertThat(runner.run(new String[] {"--spec", "a.json", "--spec", "b.json"})).isEqualTo(Runner.BAD_REQUEST);
        assertThat(runner.run(new String[] {"--spec", "a.json", "--output", "b.json"})).isEqualTo(Runner.BAD_REQUEST);
        assertThat(log()).contains("usage: --spec");
    }

    private int run(Families families, Path spec) {
        Runner runner = new Runner(families, new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return runner.run(new String[] {"--spec", spec.toString(), "--out", dir.resolve("out.json").toString()});
    }

    private Path spec(String family, String params, String seeds) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"family\": \"" + family + "\", \"params\": " + params + ", \"seeds\": " + seeds
                + ", \"split\": \"validation\", " + SpecLoaderTest.RESOURCES + "}");
        return spec;
    }

    private String log() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Returns fixed metrics, or fails when there are none. */
    private record Fixed(String name, Map<String, Double> metrics) implements ExperimentFamily {

        @Override
        public Object readParams(Map<String, Object> params) {
            return params;
        }

        @Override
        public Map<String, Double> run(Map<String, Object> params, int seed, Split split) {
            if (metrics == null) {
                throw new IllegalStateException("out of cheese");
            }
            return metrics;
        }
    }
}
