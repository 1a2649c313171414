package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.Scripts.script;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis's bounds: size, time, workers, and a runtime without javac. Each fails closed: not analysed. */
class ScriptCapabilitiesTest {

    private static final String HONEST = script("", "ctx.report(\"u\", ctx.random().nextDouble());");

    @Test
    void aScriptOverTheSizeLimitIsNotAnalysed() {
        try (ScriptCapabilities analyser = new ScriptCapabilities(new ScriptCapabilities.Limits(1_000,
                Duration.ofSeconds(10), 1))) {
            String padded = HONEST + "// " + "x".repeat(1_000);

            assertThat(analyser.analyse(padded).notAnalysed()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains(padded.length() + " characters").contains("1000"));
            assertThat(analyser.analyse(HONEST).notAnalysed()).isEmpty();
        }
    }

    @Test
    void anAnalysisPastItsTimeoutIsNotAnalysedAndItsWorkerIsBusyUntilJavacReturns() {
        // One worker, 1 ms: javac takes far longer than that on any script, the first time most of all.
        try (ScriptCapabilities analyser = new ScriptCapabilities(new ScriptCapabilities.Limits(100_000,
                Duration.ofMillis(1), 1))) {
            ScriptAnalysis first = analyser.analyse(HONEST);
            ScriptAnalysis second = analyser.analyse(HONEST);

            assertThat(first.notAnalysed()).hasValueSatisfying(reason -> assertThat(reason)
                    .isEqualTo("not analysed within 1 ms"));
            assertThat(second.notAnalysed()).hasValueSatisfying(reason -> assertThat(reason).contains("busy"));
        }
    }

    @Test
    void aMonitorWithoutJavacAnalysesNothing() {
        try (ScriptCapabilities analyser = new ScriptCapabilities(ScriptCapabilities.Limits.DEFAULTS, null,
                List.of(Path.of(".")))) {
            assertThat(analyser.analyse(HONEST).notAnalysed()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("no Java compiler"));
        }
    }

    @Test
    void aScriptNestedBeyondTheBoundIsNotAnalysedWhateverTheStackHolds() {
        int levels = ScriptCapabilities.MAX_NESTING + 1;
        String nested = script("", "double x = " + "(".repeat(levels) + "1" + ")".repeat(levels) + ";");

        assertThat(Scripts.analyse(nested).notAnalysed()).hasValueSatisfying(reason -> assertThat(reason)
                .contains((levels + 2) + " levels").contains(String.valueOf(ScriptCapabilities.MAX_NESTING)));
    }

    @Test
    void aScriptNestedWithinTheBoundIsAnalysed() {
        int levels = ScriptCapabilities.MAX_NESTING - 2;
        String nested = script("", "double x = " + "(".repeat(levels) + "1" + ")".repeat(levels) + ";");

        assertThat(Scripts.analyse(nested).notAnalysed()).isEmpty();
    }

    @Test
    void aStackOverflowInJavacIsAnsweredAsTooDeep() {
        ScriptAnalysis answer = ScriptCapabilities.failed(new IllegalStateException(new StackOverflowError()));

        assertThat(answer.notAnalysed()).contains("the script nests too deeply to analyse");
    }

    @Test
    void theScriptApiIsFoundOnTheClassPathForJavac() {
        List<Path> classPath = ScriptClassPath.locate(ScriptCapabilities.class.getClassLoader());

        assertThat(classPath).hasSize(3).allSatisfy(entry -> assertThat(entry).exists());
    }
}
