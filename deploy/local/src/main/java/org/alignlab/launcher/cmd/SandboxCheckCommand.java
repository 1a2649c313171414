package org.alignlab.launcher.cmd;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.launcher.DjlCacheWarmer;
import org.alignlab.launcher.Installation;
import org.alignlab.launcher.RunDir;
import org.alignlab.launcher.ServiceStarter;
import org.alignlab.launcher.StackOptions;
import org.alignlab.sandbox.RunnerStart;
import org.alignlab.sandbox.bubblewrap.SandboxCheck;
import org.alignlab.sandbox.SandboxRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sandbox-check", mixinStandardHelpOptions = true,
        description = {"Runs one agent script (a Java file implementing Experiment) in the bubblewrap sandbox exactly "
                + "as the executor runs a ticket for it, and prints its status, reason, metrics and resource use.",
                "No gate and no Kafka: nothing is published. Exits 0 when the script succeeded, 1 when it ended "
                        + "otherwise (FAILED, TIMED_OUT or KILLED: contained), 2 when it could not be run."})
public class SandboxCheckCommand implements Callable<Integer> {

    static final int CONTAINED = 1;
    static final int UNUSABLE = 2;

    @Mixin
    RunDirOption runDir;

    @Parameters(paramLabel = "FILE.java", description = "The script: one public class implementing "
            + "org.alignlab.experiments.script.Experiment.")
    Path script;

    @Option(names = "--seeds", split = ",", defaultValue = "1",
            description = "Seeds to run (default: ${DEFAULT-VALUE}).")
    List<Integer> seeds;

    @Option(names = "--split", defaultValue = "VALIDATION",
            description = "VALIDATION or HELDOUT, as ctx.split() reports it (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A script parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--cpu-seconds", defaultValue = "60", description = "CPU limit (default: ${DEFAULT-VALUE}).")
    int cpuSeconds;

    @Option(names = "--memory-mb", defaultValue = "512", description = "Memory limit (default: ${DEFAULT-VALUE}).")
    int memoryMb;

    @Option(names = "--wall-seconds", defaultValue = "60",
            description = "Wall-clock limit (default: ${DEFAULT-VALUE}).")
    int wallSeconds;

    @Override
    public Integer call() throws IOException {
        StackOptions options = runDir.options();
        PrintStream out = options.out();
        String source;
        try {
            source = Files.readString(script, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            out.println("no such script: " + script);
            return UNUSABLE;
        }
        RunDir run = options.runDir();
        run.create();
        Path experimentsJar = ServiceStarter.experimentsJar(options.repoRoot());
        // Every run fingerprints PyTorch, so even a script that never touches DJL needs its unpacked library.
        if (!new DjlCacheWarmer(out).warm(experimentsJar, run.djlCache(), run.log("djl-warmup"))) {
            return UNUSABLE;
        }
        // As the executor starts the runner: from the script runtime's class-data archive (made on the first check of a
        // build and kept).
        Path workRoot = Path.of(System.getProperty("java.io.tmpdir"), "alignlab-sandbox-check");
        SandboxCheck check = new SandboxCheck(new SandboxCheck.Setup(experimentsJar, run.djlCache(), workRoot,
                Path.of(Installation.java()).getParent().getParent(),
                RunnerStart.fast(workRoot.resolve("class-data"))));
        ExperimentSpec spec = SandboxCheck.scriptSpec(source, Map.copyOf(params), seeds, split,
                new ResourceRequest(cpuSeconds, memoryMb, wallSeconds));
        SandboxCheck.Result result = check.run(spec);
        SandboxCheck.print(result, out);
        if (result.run().ending() == SandboxRun.Ending.NOT_STARTED) {
            return UNUSABLE;
        }
        return result.outcome().status() == ExperimentStatus.SUCCEEDED ? 0 : CONTAINED;
    }
}
