package org.alignlab.experiments.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.runner.RunnerOutput;
import org.alignlab.experiments.FamiliesMain;
import org.alignlab.experiments.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script family through the same CLI entry point the executor starts in the sandbox. */
class ScriptFamilyTest {

    /** Monte Carlo estimate of pi from the context's seeded Random: honest, cheap, and checkable. */
    private static final String ESTIMATE_PI = """
            import org.alignlab.experiments.script.Experiment;
            import org.alignlab.experiments.script.ScriptContext;

            public class EstimatePi implements Experiment {
                @Override
                public void run(ScriptContext ctx) {
                    int samples = ((Number) ctx.param("samples")).intValue();
                    int inside = 0;
                    for (int i = 0; i < samples; i++) {
                        double x = ctx.random().nextDouble();
                        double y = ctx.random().nextDouble();
                        if (x * x + y * y <= 1) {
                            inside++;
                        }
                    }
                    double pi = 4.0 * inside / samples;
                    ctx.report("pi", pi);
                    ctx.report("abs_error", Math.abs(pi - Math.PI));
                }
            }
            """;

    @TempDir
    Path workDir;

    @TempDir
    Path io;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void honestScriptReportsPerSeedAndAggregatedMetricsDeterministically() throws Exception {
        assertThat(run(spec(ESTIMATE_PI, "{\"samples\": 20000}", "[1, 2, 3]"))).as(log()).isEqualTo(Runner.OK);
        RunnerOutput first = output();
        assertThat(run(spec(ESTIMATE_PI, "{\"samples\": 20000}", "[1, 2, 3]"))).as(log()).isEqualTo(Runner.OK);
        RunnerOutput second = output();

        assertThat(first.perSeed()).extracting(SeedMetrics::seed).containsExactly(1, 2, 3);
        // The estimate's sd is 4·sqrt(p(1 − p)/n) ≈ 0.012 for n = 20,000; 0.05 is more than four of them.
        first.perSeed().forEach(seed -> assertThat(seed.metrics().get("pi")).isCloseTo(Math.PI, within(0.05)));
        // Different seeds draw different points; equal estimates would mean the seed is ignored.
        assertThat(first.perSeed()).extracting(s -> s.metrics().get("pi")).doesNotHaveDuplicates();
        assertThat(first.metrics()).containsKeys("pi", "pi_std", "pi_ci95_lo", "pi_ci95_hi", "abs_error");
        assertThat(first.metrics().get("pi_ci95_lo")).isLessThan(first.metrics().get("pi"))
                .isLessThan(first.metrics().get("pi_ci95_hi"));
        assertThat(first.environment().codeVersion()).isEqualTo("dev");
        assertThat(second.perSeed()).isEqualTo(first.perSeed());
        assertThat(second.metrics()).isEqualTo(first.metrics());
        try (Stream<Path> files = Files.walk(workDir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).contains("EstimatePi.class");
        }
    }

    @Test
    void compileErrorFailsNamingTheLine() throws Exception {
        String broken = """
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Broken implements Experiment {
                    public void run(ScriptContext ctx) {
                        ctx.report("x", undefinedVariable);
                    }
                }
                """;

        assertThat(run(spec(broken, "{}", "[1]"))).isEqualTo(Runner.FAILED);
        assertThat(log()).contains("failed: script does not compile: line 6: ", "undefinedVariable");
        assertThat(io.resolve("out.json")).doesNotExist();
    }

    @Test
    void exceptionFailsNamingItsClassAndMessage() throws Exception {
        String throwing = """
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Diverges implements Experiment {
                    public void run(ScriptContext ctx) {
                        throw new IllegalStateException("loss diverged");
                    }
                }
                """;

        assertThat(run(spec(throwing, "{}", "[7]"))).isEqualTo(Runner.FAILED);
        assertThat(log()).contains("failed: seed 7: script threw java.lang.IllegalStateException: loss diverged");
    }

    @Test
    void scriptReportingNothingFails() throws Exception {
        String silent = """
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public final class Silent implements Experiment {
                    public void run(ScriptContext ctx) {
                    }
                }
                """;

        assertThat(run(spec(silent, "{}", "[1]"))).isEqualTo(Runner.FAILED);
        assertThat(log()).contains("failed: seed 1: script reported no metric");
    }

    @Test
    void classNotImplementingExperimentFails() throws Exception {
        assertThat(run(spec("public class Plain { }", "{}", "[1]"))).isEqualTo(Runner.FAILED);
        assertThat(log()).contains("script class Plain does not implement " + Experiment.class.getName());
    }

    @Test
    void missingScriptOrBadParamsAreBadRequests() throws Exception {
        assertThat(run(spec(null, "{}", "[1]"))).isEqualTo(Runner.BAD_REQUEST);
        assertThat(log()).contains("needs spec.script");

        // The spec's schema (contracts, decision 0012) refuses it before the script family's own check does.
        assertThat(run(spec(ESTIMATE_PI, "{\"samples\": [1, 2]}", "[1]"))).isEqualTo(Runner.BAD_REQUEST);
        assertThat(log()).contains("invalid spec: $.params.samples: must be text or a number");
    }

    @Test
    void otherFamiliesRefuseAScript() throws Exception {
        ObjectNode spec = specTree(ESTIMATE_PI, "{}", "[1]").put("family", "weak-to-strong");

        assertThat(run(write(spec))).isEqualTo(Runner.BAD_REQUEST);
        assertThat(log()).contains("family weak-to-strong takes no spec.script");
    }

    private int run(Path spec) {
        Runner runner = new Runner(FamiliesMain.builtIn(workDir),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return runner.run(new String[] {"--spec", spec.toString(), "--out", io.resolve("out.json").toString()});
    }

    private RunnerOutput output() throws Exception {
        return Json.mapper().readValue(io.resolve("out.json").toFile(), RunnerOutput.class);
    }

    private Path spec(String script, String params, String seeds) throws Exception {
        return write(specTree(script, params, seeds));
    }

    private static ObjectNode specTree(String script, String params, String seeds) throws Exception {
        ObjectNode spec = Json.mapper().createObjectNode().put("family", ScriptFamily.NAME);
        spec.set("params", Json.mapper().readTree(params));
        spec.set("seeds", Json.mapper().readTree(seeds));
        spec.put("split", "validation");
        spec.set("resources", Json.mapper().readTree("{\"cpuSeconds\": 60, \"memoryMb\": 512, \"wallSeconds\": 60}"));
        if (script != null) {
            spec.put("script", script);
        }
        return spec;
    }

    private Path write(ObjectNode spec) throws Exception {
        Path file = io.resolve("spec.json");
        Files.writeString(file, Json.write(spec));
        return file;
    }

    private String log() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
