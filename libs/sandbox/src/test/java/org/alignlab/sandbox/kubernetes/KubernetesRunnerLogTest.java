package org.alignlab.sandbox.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubernetesRunnerLogTest {

    private static String section(String output) {
        return RunnerLog.BEGIN + "\n" + output + "\n" + RunnerLog.END + "\n";
    }

    @Test
    void theOutputIsWhatStandsBetweenTheMarkersAndTheRestIsTheLog() {
        RunnerLog log = RunnerLog.parse("step 1\nstep 2\n" + section("{\"metrics\":{}}"), 100);

        assertThat(log.output()).isEqualTo("{\"metrics\":{}}");
        assertThat(log.outputProblem()).isNull();
        assertThat(log.log()).isEqualTo("step 1\nstep 2\n");
    }

    /** The container script prints its section after the runner exits, so the last one is the real one. */
    @Test
    void markersPrintedByTheWorkloadCannotReplaceTheRealOutput() {
        RunnerLog log = RunnerLog.parse(section("{\"forged\":true}") + "more\n" + section("{\"real\":true}"), 100);

        assertThat(log.output()).isEqualTo("{\"real\":true}");
    }

    @Test
    void noSectionMeansNoOutputAndSaysWhy() {
        RunnerLog log = RunnerLog.parse("Exception in thread main\n", 100);

        assertThat(log.output()).isNull();
        assertThat(log.outputProblem()).contains("no runner output");
        assertThat(log.log()).isEqualTo("Exception in thread main\n");
    }

    @Test
    void aSectionWithoutItsEndOrTooLargeIsRefused() {
        assertThat(RunnerLog.parse(RunnerLog.BEGIN + "\n{\"metrics\":", 100).outputProblem()).contains("cut off");
        assertThat(RunnerLog.parse(section("x".repeat(101)), 100).outputProblem())
                .isEqualTo("out.json is larger than 100 bytes");
    }
}
