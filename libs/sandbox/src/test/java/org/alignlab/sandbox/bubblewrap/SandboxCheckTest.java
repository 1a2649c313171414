package org.alignlab.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignlab sandbox-check}'s core on the real runner and sandbox: one script, its report, nothing left. */
class SandboxCheckTest {

    private static final Path EXPERIMENTS_JAR = Path.of(System.getProperty("user.dir"))
            .resolve("../experiments/target/experiments-0.1.0-SNAPSHOT.jar").normalize();
    private static final Path DJL_CACHE = Path.of(Optional.ofNullable(System.getenv("DJL_CACHE_DIR"))
            .orElse(System.getProperty("user.home") + "/.djl.ai"));

    @TempDir
    Path base;

    @Test
    void reportsStatusMetricsAndLimitsOfAScriptAndRemovesItsStaging() throws IOException {
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path workRoot = base.resolve("work");
        SandboxCheck check = new SandboxCheck(new SandboxCheck.Setup(EXPERIMENTS_JAR, DJL_CACHE, workRoot,
                Path.of(System.getProperty("java.home"))));
        String source = """
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Answer implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) {
                        System.err.println("thinking about seed " + ctx.seed());
                        ctx.report("answer", 42 + ctx.seed());
                    }
                }
                """;

        SandboxCheck.Result result = check.run(SandboxCheck.scriptSpec(source, Map.of(), List.of(1, 3),
                Split.VALIDATION, new ResourceRequest(30, 256, 30)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SandboxCheck.print(result, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);

        assertThat(result.outcome().status()).as(report).isEqualTo(ExperimentStatus.SUCCEEDED);
        assertThat(result.outcome().output().metrics()).containsEntry("answer", 44.0);
        assertThat(report).startsWith("status:   SUCCEEDED").contains("metric:   answer = 44.0000",
                "limits:   ", "thinking about seed 3");
        try (var left = Files.list(workRoot)) {
            assertThat(left.toList()).as("staging and work directories are removed").isEmpty();
        }
    }
}
