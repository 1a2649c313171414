package org.alignlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.runner.RunnerOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner as its own process, ending with {@code _exit} as the sandbox starts it: nothing the executor reads (the
 * exit code, {@code out.json}, the tail of stderr) is lost by skipping the native teardown.
 */
class FamiliesMainTest {

    @TempDir
    Path dir;

    @Test
    void anImmediateExitLosesNothingTheExecutorReads() throws Exception {
        Files.writeString(dir.resolve("spec.json"), "{\"family\": \"reward-overoptimization\", \"params\":"
                + " {\"proxySamples\": 16, \"prompts\": 20, \"maxN\": 8, \"epochs\": 5}, \"seeds\": [1, 2],"
                + " \"split\": \"validation\", " + SpecLoaderTest.RESOURCES + "}");

        Process process = start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(Runner.OK);
        assertThat(stderr).contains("seed 2 (2/2").endsWith("done\n").doesNotContain("the ordinary way");
        RunnerOutput output = Json.mapper().readValue(dir.resolve("out.json").toFile(), RunnerOutput.class);
        assertThat(output.perSeed()).hasSize(2);
    }

    @Test
    void aBadSpecStillExitsTwoNamingTheFieldOnItsLastLine() throws Exception {
        Files.writeString(dir.resolve("spec.json"), "{\"family\": \"weak-to-strong\", \"params\": {},"
                + " \"seeds\": [], \"split\": \"validation\", " + SpecLoaderTest.RESOURCES + "}");

        Process process = start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(Runner.BAD_REQUEST);
        assertThat(stderr).startsWith("invalid spec: $.seeds").endsWith("\n").hasLineCount(1);
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    private Process start() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + FamiliesMain.SKIP_NATIVE_TEARDOWN + "=true", FamiliesMain.class.getName(),
                "--spec", dir.resolve("spec.json").toString(), "--out", dir.resolve("out.json").toString()))
                .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }
}
