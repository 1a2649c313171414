package org.alignlab.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignlab.launcher.ProcessSupervisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The short seeded form of the harness, in {@code mvn verify}: one real stack on ports +500, a chaos run of about
 * 200 actions with 6 faults (each a different component), then a short topic fuzz and a short REST fuzz on the same
 * stack. The full form is {@code deploy/chaos/chaos run --actions 1000 --goals 20 --faults 30 --seed 7}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosIT {

    private static final int PORT_OFFSET = 500;
    private static final long SEED = 7;

    private static ChaosStack stack;
    private static final Map<String, Long> pids = new LinkedHashMap<>();

    @BeforeAll
    static void startTheStack() throws IOException {
        stack = ChaosStack.of(Files.createTempDirectory("alignlab-chaos"), PORT_OFFSET, ChaosCommand.stackSettings());
        try {
            stack.up();
        } finally {
            pids.putAll(new ProcessSupervisor(stack.runDir().pids()).recordedPids());
        }
    }

    @AfterAll
    static void stopItAndLeaveNothingBehind() throws IOException {
        if (stack == null) {
            return;
        }
        pids.putAll(new ProcessSupervisor(stack.runDir().pids()).recordedPids());
        stack.down();
        assertThat(pids.entrySet()).as("processes of the run still alive after down")
                .noneMatch(e -> ProcessHandle.of(e.getValue()).map(ProcessSupervisor::isRunning).orElse(false));
    }

    @Test
    @Order(1)
    void twoHundredActionsThroughSixKillsKeepEveryInvariant() throws Exception {
        ChaosPlan plan = new ChaosPlan(SEED, 200, 4, 6, 0.2, 0.1, 6, Duration.ofSeconds(150),
                Duration.ofSeconds(300), Arrays.asList(Component.values()));
        ChaosRun.Result result = new ChaosRun(stack, plan, System.out).run();
        String report = ChaosReport.text(result);
        System.out.print(report);
        // Every pid the faults left behind was ours too.
        pids.putAll(new ProcessSupervisor(stack.runDir().pids()).recordedPids());
        assertThat(result.faults()).as(report).hasSize(6).allMatch(f -> f.error() == null);
        assertThat(result.invariants()).as(report).hasSize(6).allMatch(Invariant::holds);
    }

    @Test
    @Order(2)
    void hostileRecordsOnEveryTopicEndInTheDlqOrADecisionAndCanariesStillPass() throws Exception {
        TopicFuzzer.Result result = new TopicFuzzer(stack, SEED, Duration.ofSeconds(30), System.out).run();
        System.out.print(result.describe());
        assertThat(result.byTopic()).as(result.describe()).hasSize(ChaosRun.CONSUMED.size());
        assertThat(result.violations()).as(result.describe()).isEmpty();
    }

    @Test
    @Order(3)
    void restRequestsGeneratedFromEveryOpenApiDocumentGetNo5xxAndProblemJson() throws Exception {
        RestFuzzer.Result result = new RestFuzzer(stack, SEED, 8, System.out).run();
        System.out.print(result.describe());
        assertThat(result.requests()).as(result.describe()).isGreaterThan(500);
        assertThat(result.violations()).as(result.describe()).isEmpty();
    }
}
