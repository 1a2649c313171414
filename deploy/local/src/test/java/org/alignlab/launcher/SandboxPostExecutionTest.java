package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.launcher.ExecutedEvaluation.After;
import org.alignlab.launcher.ExecutedEvaluation.Checked;
import org.alignlab.sandbox.bubblewrap.SandboxCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks after execution on the real runner in the real bubblewrap sandbox, one script of each kind. */
class SandboxPostExecutionTest {

    private static final Path EXPERIMENTS_JAR = Path.of(System.getProperty("user.dir"))
            .resolve("../../libs/experiments/target/experiments-0.1.0-SNAPSHOT.jar").normalize();
    private static final Path DJL_CACHE = Path.of(Optional.ofNullable(System.getenv("DJL_CACHE_DIR"))
            .orElse(System.getProperty("user.home") + "/.djl.ai"));

    @TempDir
    Path base;

    @Test
    void quarantinesWhatIsAssertedOrNotReproducibleAndPassesWhatIsMeasured() throws Exception {
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        SandboxCheck sandbox = new SandboxCheck(new SandboxCheck.Setup(EXPERIMENTS_JAR, DJL_CACHE,
                base.resolve("work"), Path.of(System.getProperty("java.home"))));
        SandboxPostExecution checks = new SandboxPostExecution(sandbox, 30, 1,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        List<Checked> checked = checks.checkAll(List.of(
                script("ctx.report(\"accuracy\", 0.93);"),
                script("ctx.report(\"answer\", 42 + ctx.seed() % 1000);"),
                script("ctx.report(\"started\", (double) System.nanoTime());"),
                script("throw new IllegalStateException(\"no data\");")));

        assertThat(checked).extracting(Checked::after).containsExactly(After.NOT_MEASURED, After.PASSED,
                After.MISMATCH, After.CONTAINED);
        assertThat(checked.get(0).detail()).contains("accuracy");
        assertThat(checked.get(2).detail()).contains("started: recorded");
    }

    private static ExperimentSpec script(String body) {
        String source = """
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Probe implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) {
                        %s
                    }
                }
                """.formatted(body);
        return SandboxCheck.scriptSpec(source, Map.of(), List.of(1, 2), Split.VALIDATION,
                new ResourceRequest(30, 256, 30));
    }
}
