package org.alignlab.executor.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.sandbox.SandboxRun;
import org.alignlab.sandbox.SandboxRun.Ending;
import org.junit.jupiter.api.Test;

class ResultFactoryTest {

    private static final Instant START = Instant.parse("2026-11-26T20:00:00Z");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OUTPUT = """
            {"metrics": {"pgr": 0.4, "pgr_std": 0.1},
             "perSeed": [{"seed": 1, "metrics": {"pgr": 0.3}}, {"seed": 2, "metrics": {"pgr": 0.5}}],
             "environment": {"codeVersion": "0.1.0", "djl": "0.36.0", "pytorch": "2.7.1"}}""";

    private final ResultFactory factory = new ResultFactory(Path.of("/var/cache/djl"), 16);

    private static ExecutionTicket ticket() {
        ExperimentSpec spec = new ExperimentSpec("weak-to-strong", Map.of(), List.of(1, 2), Split.VALIDATION,
                new ResourceRequest(60, 1024, 120), null);
        AgentAction action = new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, Agent.IDEATION, "p",
                ActionType.RUN_EXPERIMENT, null, null, spec, START);
        return new ExecutionTicket(UUID.randomUUID(), action, Sha256.ofCanonical(action), Decision.ALLOW, 1,
                "c".repeat(64), START,
                START.plusSeconds(60), "0123456789abcdef", "x".repeat(86));
    }

    private static SandboxRun run(Ending ending, int exitCode, String stderr, String output, String problem) {
        return new SandboxRun(ending, exitCode, START, START.plusMillis(1500), 2.5, 300, "", stderr, output, problem);
    }

    /** Every result must be publishable: the schema is the contract with review and orchestrator. */
    private ExperimentResult from(SandboxRun run) {
        ExperimentResult result = factory.from(ticket(), run, TRACE);
        EventCodec.encode(result);
        return result;
    }

    @Test
    void aCleanExitWithValidOutputSucceedsWithTheRunnersMetrics() {
        ExperimentResult result = from(run(Ending.EXITED, 0, "warming up\nall done, goodbye", OUTPUT, null));

        assertThat(result.status()).isEqualTo(ExperimentStatus.SUCCEEDED);
        assertThat(result.reason()).isNull();
        assertThat(result.metrics()).containsEntry("pgr", 0.4).containsEntry("pgr_std", 0.1);
        assertThat(result.perSeed()).containsExactly(new SeedMetrics(1, Map.of("pgr", 0.3)),
                new SeedMetrics(2, Map.of("pgr", 0.5)));
        assertThat(result.environment().djl()).isEqualTo("0.36.0");
        assertThat(result.durationMs()).isEqualTo(1500);
        assertThat(result.resources().cpuSeconds()).isEqualTo(2.5);
        assertThat(result.resources().maxRssMb()).isEqualTo(300);
        assertThat(result.logTail()).isEqualTo("all done, goodbye".substring(1)).hasSize(16);
        assertThat(result.traceId()).isEqualTo(TRACE);
    }

    @Test
    void aCleanExitWithOutputThatBreaksTheSchemaFails() {
        ExperimentResult result = from(run(Ending.EXITED, 0, "", "{\"metrics\": {\"pgr\": \"high\"}}", null));

        assertThat(result.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(result.reason()).startsWith("the runner exited 0 but out.json violates RunnerOutput");
        assertThat(result.metrics()).isEmpty();
    }

    @Test
    void aCleanExitWithoutOutputFails() {
        ExperimentResult result = from(run(Ending.EXITED, 0, "", null, "the runner wrote no out.json"));

        assertThat(result.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(result.reason()).isEqualTo("the runner exited 0 but the runner wrote no out.json");
    }

    @Test
    void theWallClockLimitIsATimeout() {
        ExperimentResult result = from(run(Ending.TIMED_OUT, 137, "", null, "the runner wrote no out.json"));

        assertThat(result.status()).isEqualTo(ExperimentStatus.TIMED_OUT);
        assertThat(result.reason()).contains("wall-clock limit of 120 s");
    }

    @Test
    void theCpuLimitIsAKill() {
        ExperimentResult xcpu = from(run(Ending.EXITED, 128 + 24, "", null, "no output"));
        ExperimentResult sigkill = from(run(Ending.EXITED, 128 + 9, "", null, "no output"));

        assertThat(xcpu.status()).isEqualTo(ExperimentStatus.KILLED);
        assertThat(xcpu.reason()).isEqualTo("CPU limit of 60 s reached (SIGXCPU)");
        assertThat(sigkill.status()).isEqualTo(ExperimentStatus.KILLED);
        assertThat(sigkill.reason()).contains("SIGKILL", "out-of-memory");
    }

    @Test
    void aRejectedSpecNamesTheRunnersComplaint() {
        ExperimentResult result = from(run(Ending.EXITED, 2, "reading spec\nunknown family: nope\n", null, "none"));

        assertThat(result.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(result.reason()).isEqualTo("the runner rejected the spec (exit 2): unknown family: nope");
    }

    @Test
    void anExhaustedHeapSaysHowBigItWas() {
        ExperimentResult result = from(run(Ending.EXITED, 3,
                "Terminating due to java.lang.OutOfMemoryError: Java heap space", null, "none"));

        assertThat(result.reason()).isEqualTo("out of memory: the heap of 768 MB (3/4 of memoryMb 1024) ran out");
    }

    @Test
    void aMissingDjlCacheIsExplained() {
        // What the real runner prints when the cache is missing or unreadable inside the sandbox.
        ExperimentResult result = from(run(Ending.EXITED, 1,
                "running weak-to-strong on validation, seeds [1]\nfailed: Failed to extract PyTorch native library\n",
                null, "none"));

        assertThat(result.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(result.reason()).startsWith("the runner failed (exit 1): failed: Failed to extract PyTorch native")
                .contains("/var/cache/djl", "alignlab.executor.djl-cache-dir", "read-only", "chmod -R a+rX");
    }

    @Test
    void aSandboxThatCouldNotStartSaysSo() {
        ExperimentResult result = from(run(Ending.EXITED, 1, "bwrap: Can't mkdir /opt: Permission denied", null,
                "none"));

        assertThat(result.reason())
                .isEqualTo("the sandbox failed to start: bwrap: Can't mkdir /opt: Permission denied");
    }

    @Test
    void aRefusalIsAPublishableResultWithTheReason() {
        ExecutionTicket ticket = ticket();
        ExperimentResult refused = ResultFactory.refused(ticket, "x".repeat(5000), TRACE, START);

        EventCodec.encode(refused);
        assertThat(refused.status()).isEqualTo(ExperimentStatus.REFUSED);
        assertThat(refused.actionId()).isEqualTo(ticket.action().id());
        assertThat(refused.reason()).hasSize(ResultFactory.MAX_REASON);
        assertThat(refused.durationMs()).isZero();
    }
}
