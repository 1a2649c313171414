package org.alignlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alignlab.contracts.runner.RunnerOutput;
import org.junit.jupiter.api.Test;

/**
 * The executor's check of {@code out.json}, the one that counts: since issue 16 the runner no longer validates its
 * output against the schema itself (it checks only what a family's metrics can break), and a script, running in the
 * runner's JVM, could write anything there anyway.
 */
class RunnerOutputReaderTest {

    private static final String ENVIRONMENT = "\"environment\": {\"codeVersion\": \"dev\", \"djl\": \"0.36.0\","
            + " \"pytorch\": \"2.7.1\"}";

    @Test
    void readsAValidOutput() {
        RunnerOutput output = RunnerOutputReader.read(json("acc", "0.5"));

        assertThat(output.metrics()).containsEntry("acc", 0.5);
        assertThat(output.perSeed()).singleElement().satisfies(seed -> assertThat(seed.seed()).isEqualTo(1));
    }

    @Test
    void refusesWhatTheRunnerNoLongerChecksAgainstTheSchema() {
        assertThatThrownBy(() -> RunnerOutputReader.read(json("acc\\u0000", "0.5")))
                .hasMessageStartingWith("out.json violates RunnerOutput");
        assertThatThrownBy(() -> RunnerOutputReader.read(json("m".repeat(101), "0.5")))
                .hasMessageStartingWith("out.json violates RunnerOutput");
        assertThatThrownBy(() -> RunnerOutputReader.read(json("acc", "2e15")))
                .hasMessageStartingWith("out.json violates RunnerOutput");
        assertThatThrownBy(() -> RunnerOutputReader.read(json("acc", "0.5").replace("\"dev\"", "\"a\\nb\"")))
                .hasMessageStartingWith("out.json violates RunnerOutput");
        assertThatThrownBy(() -> RunnerOutputReader.read(json("acc", "0.5").replaceFirst("\\{", "{\"extra\": 1, ")))
                .hasMessageStartingWith("out.json violates RunnerOutput");
        assertThatThrownBy(() -> RunnerOutputReader.read("{\"metrics\": {\"acc\": NaN}}"))
                .hasMessageStartingWith("out.json is not JSON");
    }

    private static String json(String metric, String value) {
        return "{\"metrics\": {\"" + metric + "\": " + value + "}, \"perSeed\": [{\"seed\": 1, \"metrics\": {\""
                + metric + "\": " + value + "}}], " + ENVIRONMENT + "}";
    }
}
