package org.alignlab.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.sandbox.RunOutcome;
import org.alignlab.sandbox.RunnerRuntime;
import org.alignlab.sandbox.RunnerStart;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.SandboxRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's class-data archives on the real experiments jars in a real sandbox: each runtime gets one, made in its
 * own sandbox; the runner's JVM really maps it there ({@code -Xshare:on} fails the JVM otherwise); the script
 * runtime's holds no family class; and a run with no archive, or with one the JVM cannot use, still succeeds.
 */
class ClassDataArchivesTest {

    /** Room for the class listing of an archive (a few thousand lines) in the kept stdout. */
    private static final int MAX_LOG_BYTES = 4 * 1024 * 1024;
    private static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
    private static final ResourceRequest LIMITS = new ResourceRequest(120, 768, 120);
    private static final Path EXPERIMENTS_JAR = Path.of(System.getProperty("user.dir"))
            .resolve("../experiments/target/experiments-0.1.0-SNAPSHOT.jar").normalize();
    private static final Path DJL_CACHE = Path.of(Optional.ofNullable(System.getenv("DJL_CACHE_DIR"))
            .orElse(System.getProperty("user.home") + "/.djl.ai"));
    private static final Map<String, Object> SMALL_W2S = Map.of("nTrain", 200, "nTest", 200, "epochs", 2,
            "hidden", 8);
    private static final String FAMILY_CLASS = "org\\.alignlab\\.experiments\\.(w2s|overopt|probe)\\.\\S+"
            + "|org\\.alignlab\\.experiments\\.FamiliesMain";

    @TempDir
    static Path base;
    private static Path workRoot;
    private static Path classDataDir;
    private static WorkloadStaging.Staged staged;
    private static BubblewrapSandbox sandbox;

    @BeforeAll
    static void stageAndPrepareAsTheExecutorDoes() throws IOException {
        assertThat(HostLayout.onPath("bwrap")).as("bubblewrap is not installed (apt-get install -y bubblewrap)")
                .isPresent();
        assertThat(EXPERIMENTS_JAR).as("the experiments runner: mvn -B -ntp -o install -pl libs/experiments"
                + " -DskipTests").isRegularFile();
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        workRoot = base.resolve("work");
        classDataDir = workRoot.resolve("class-data");
        staged = WorkloadStaging.stage(workRoot, EXPERIMENTS_JAR, DJL_CACHE);
        sandbox = new BubblewrapSandbox(settings(classDataDir));
        assertThat(sandbox.whyUnavailable()).as("the sandbox must be usable here").isEmpty();
        sandbox.prepare();
    }

    @AfterAll
    static void removeTheStagedRunner() {
        if (staged != null) {
            staged.delete();
        }
    }

    private static BubblewrapSandbox.Settings settings(Path classData) {
        return new BubblewrapSandbox.Settings(Path.of(System.getProperty("java.home")), staged.experimentsJar(),
                staged.djlCacheDir(), workRoot, MAX_LOG_BYTES, MAX_OUTPUT_BYTES)
                .with(classData == null ? RunnerStart.PLAIN : RunnerStart.fast(classData));
    }

    private static Path archive(RunnerRuntime runtime) throws IOException {
        String prefix = runtime.name().toLowerCase(java.util.Locale.ROOT) + "-";
        try (Stream<Path> files = Files.list(classDataDir)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            assertThat(archives).as("one archive for the %s runtime, warnings: %s", runtime, sandbox.warnings())
                    .hasSize(1);
            return archives.get(0);
        }
    }

    private static SandboxRequest request(ExperimentSpec spec) {
        return SandboxRequest.forSpec("cds-test-" + UUID.randomUUID(), spec);
    }

    private static ExperimentSpec smallFamily() {
        return new ExperimentSpec("weak-to-strong", SMALL_W2S, List.of(1), Split.VALIDATION, LIMITS, null);
    }

    private static ExperimentSpec script() {
        return new ExperimentSpec(RunnerRuntime.SCRIPT_FAMILY, Map.of(), List.of(1), Split.VALIDATION, LIMITS, """
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;

                public class Answer implements Experiment {
                    @Override
                    public void run(ScriptContext ctx) {
                        ctx.report("answer", 42);
                    }
                }
                """);
    }

    /** The ticket's own command line with sharing required and class loading logged to stdout. */
    private static SandboxRun runRequiringTheArchive(ExperimentSpec spec, Path archive) {
        return sandbox.run(request(spec), new BubblewrapSandbox.RunnerCall(Optional.of(archive),
                List.of("-Xshare:on", "-Xlog:class+load=info"), Map.of(), work -> {}));
    }

    private static String describe(SandboxRun run) {
        String stderr = run.stderrTail();
        return "exit " + run.exitCode() + ", stderr: " + stderr.substring(Math.max(0, stderr.length() - 2000))
                + ", warnings: " + sandbox.warnings();
    }

    @Test
    void eachRuntimeGetsItsOwnArchiveWithNoWarning() throws IOException {
        assertThat(sandbox.warnings()).noneMatch(warning -> warning.contains("class-data"));
        assertThat(archive(RunnerRuntime.FAMILIES)).isNotEqualTo(archive(RunnerRuntime.SCRIPT));
        try (Stream<Path> files = Files.list(classDataDir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).as("no temporary file left")
                    .allMatch(name -> name.endsWith(".jsa") && !name.startsWith("."));
        }
    }

    /** With -Xshare:on the JVM exits at start if it cannot map the archive: these runs prove it is used. */
    @Test
    void aFamilysRunnerLoadsItsClassesFromTheArchiveInsideTheSandbox() throws IOException {
        SandboxRun run = runRequiringTheArchive(smallFamily(), archive(RunnerRuntime.FAMILIES));

        assertThat(run.exitCode()).as(describe(run)).isZero();
        assertThat(run.stdoutTail()).contains(
                "org.alignlab.experiments.Runner source: shared objects file",
                "org.alignlab.experiments.w2s.WeakToStrong source: shared objects file",
                "ai.djl.engine.Engine source: shared objects file");
    }

    @Test
    void aScriptsRunnerLoadsItsClassesFromItsOwnArchive() throws IOException {
        SandboxRun run = runRequiringTheArchive(script(), archive(RunnerRuntime.SCRIPT));

        assertThat(run.exitCode()).as(describe(run)).isZero();
        assertThat(run.stdoutTail()).contains(
                "org.alignlab.experiments.script.ScriptMain source: shared objects file",
                "com.sun.tools.javac.main.JavaCompiler source: shared objects file");
    }

    /** The archive is the runtime's: the families' one does not fit a script's class path, so it is refused. */
    @Test
    void aScriptsSandboxCannotStartFromTheFamiliesArchive() throws IOException {
        SandboxRun run = runRequiringTheArchive(script(), archive(RunnerRuntime.FAMILIES));

        assertThat(run.exitCode()).as(describe(run)).isNotZero();
        assertThat(run.stdoutTail() + run.stderrTail()).containsIgnoringCase("shared");
    }

    @Test
    void theScriptRuntimesArchiveHoldsNoFamilyClass() throws IOException {
        String scripts = listing(script(), archive(RunnerRuntime.SCRIPT));
        String families = listing(smallFamily(), archive(RunnerRuntime.FAMILIES));

        assertThat(families).as("the listing would show family classes").containsPattern(FAMILY_CLASS);
        assertThat(scripts).contains("org.alignlab.experiments.script.ScriptMain").doesNotContainPattern(FAMILY_CLASS);
    }

    /** The JVM's listing of the classes in an archive, printed in the runtime's own sandbox. */
    private static String listing(ExperimentSpec spec, Path archive) {
        SandboxRun run = sandbox.run(request(spec), new BubblewrapSandbox.RunnerCall(Optional.of(archive),
                List.of("-XX:+PrintSharedArchiveAndExit"), Map.of(), work -> {}));
        assertThat(run.exitCode()).as(describe(run)).isZero();
        assertThat(run.stdoutTail()).as("the listing is complete").contains("archive is valid");
        return run.stdoutTail();
    }

    @Test
    void aTicketsRunStartsFromTheArchiveAndSucceeds() {
        SandboxRun run = sandbox.run(request(smallFamily()));

        RunOutcome outcome = RunOutcome.of(run, LIMITS, DJL_CACHE);
        assertThat(outcome.status()).as(describe(run)).isEqualTo(ExperimentStatus.SUCCEEDED);
    }

    @Test
    void anotherSandboxWithTheSameJarsReusesTheArchivesAsTheyAre() throws IOException {
        Path families = archive(RunnerRuntime.FAMILIES);
        FileTime made = Files.getLastModifiedTime(families);

        BubblewrapSandbox again = new BubblewrapSandbox(settings(classDataDir));
        again.prepare();

        assertThat(again.warnings()).noneMatch(warning -> warning.contains("class-data"));
        assertThat(archive(RunnerRuntime.FAMILIES)).isEqualTo(families);
        assertThat(Files.getLastModifiedTime(families)).isEqualTo(made);
    }

    @Test
    void withoutArchivesARunStillSucceeds() {
        BubblewrapSandbox without = new BubblewrapSandbox(settings(null));

        SandboxRun run = without.run(request(smallFamily()));

        assertThat(RunOutcome.of(run, LIMITS, DJL_CACHE).status()).as(describe(run))
                .isEqualTo(ExperimentStatus.SUCCEEDED);
    }

    /** An archive the JVM cannot use (here: not an archive at all) is ignored, and the run succeeds. */
    @Test
    void anArchiveTheJvmCannotUseIsIgnoredAndTheRunSucceeds() throws IOException {
        Path broken = Files.writeString(base.resolve("broken.jsa"), "not a class-data archive");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rw-r--r--"));

        SandboxRun ignored = sandbox.run(request(smallFamily()), new BubblewrapSandbox.RunnerCall(
                Optional.of(broken), List.of(), Map.of(), work -> {}));
        SandboxRun required = runRequiringTheArchive(smallFamily(), broken);

        assertThat(RunOutcome.of(ignored, LIMITS, DJL_CACHE).status()).as(describe(ignored))
                .isEqualTo(ExperimentStatus.SUCCEEDED);
        assertThat(required.exitCode()).as("-Xshare:on refuses it, so the tests above prove use").isNotZero();
    }

    /** Where no archive can be made, the sandbox says so and runs without one. */
    @Test
    void whenNoArchiveCanBeMadeTheSandboxWarnsAndStillRuns() throws IOException {
        Path notADirectory = Files.writeString(base.resolve("not-a-directory"), "");
        BubblewrapSandbox cannot = new BubblewrapSandbox(settings(notADirectory));

        cannot.prepare();
        SandboxRun run = cannot.run(request(smallFamily()));

        assertThat(cannot.warnings()).anyMatch(warning -> warning.startsWith("no class-data archive for the "
                + "families runtime"));
        assertThat(RunOutcome.of(run, LIMITS, DJL_CACHE).status()).as(describe(run))
                .isEqualTo(ExperimentStatus.SUCCEEDED);
    }

    @Test
    void theKeyFollowsTheJarsAsTheJvmChecksThem() throws IOException {
        Path dir = Files.createDirectories(base.resolve("key/experiments"));
        Path jar = Files.writeString(dir.resolve("runner.jar"), "runner");
        Files.writeString(dir.resolve("runner-script-runtime.jar"), "script runtime");
        Path lib = Files.writeString(Files.createDirectories(dir.resolve("lib")).resolve("a.jar"), "a");
        Files.createDirectories(dir.resolve("script-lib"));
        HostLayout host = new HostLayout(Path.of("/usr/bin/bwrap"), Path.of("/usr/bin/prlimit"), Optional.empty(),
                List.of(), Path.of(System.getProperty("java.home")), jar, staged.djlCacheDir());
        String families = ClassDataArchives.key(host, RunnerRuntime.FAMILIES);
        String script = ClassDataArchives.key(host, RunnerRuntime.SCRIPT);

        assertThat(ClassDataArchives.key(host, RunnerRuntime.FAMILIES)).isEqualTo(families);
        assertThat(script).isNotEqualTo(families);
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() - 60_000));
        assertThat(ClassDataArchives.key(host, RunnerRuntime.FAMILIES)).as("a lib/ jar changed").isNotEqualTo(families);
        assertThat(ClassDataArchives.key(host, RunnerRuntime.SCRIPT)).as("not on the script's class path")
                .isEqualTo(script);
        Files.writeString(jar, "runner, rebuilt");
        assertThat(ClassDataArchives.key(host, RunnerRuntime.SCRIPT)).as("the script runtime's jar is its own")
                .isEqualTo(script);
    }
}
