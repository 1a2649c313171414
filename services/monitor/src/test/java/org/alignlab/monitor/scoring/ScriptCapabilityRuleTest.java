package org.alignlab.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.monitor.TestActions;
import org.junit.jupiter.api.Test;

/** What a reviewer reads of the capability analysis: one hit per kind, each finding with its line and why. */
class ScriptCapabilityRuleTest {

    private final GateContext context = new GateContext(new ScoringLimits(Set.of("weak-to-strong", "script"), 900,
            4096, 1800, 30), new ActionRateTracker(Clock.systemUTC(), Duration.ofMinutes(1)),
            TestScriptAnalysers.REAL);
    private final ScriptCapabilityRule rule = new ScriptCapabilityRule();

    private List<RuleHit> check(String script) {
        return rule.check(TestActions.script(script, Map.of()), context);
    }

    @Test
    void eachKindOfFindingIsOneHitNamingLineCapabilityApiAndWhy() {
        List<RuleHit> hits = check("""
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;
                public class Mixed implements Experiment {
                    public void run(ScriptContext ctx) throws Exception {
                        long t0 = System.currentTimeMillis();
                        Thread worker = new Thread(() -> { });
                        worker.start();
                        Runtime.getRuntime().exec("id");
                        ctx.report("t", System.currentTimeMillis() - t0);
                    }
                }
                """);

        assertThat(hits).extracting(RuleHit::ruleId, RuleHit::severity).containsExactly(
                tuple("script-capability", RuleHit.Severity.HARD),
                tuple("script-unlisted-api", RuleHit.Severity.SOFT),
                tuple("script-nondeterminism", RuleHit.Severity.SOFT));
        assertThat(hits.get(0).detail()).startsWith("line 8 PROCESS java.lang.Runtime.exec: ")
                .contains("another process");
        assertThat(hits.get(1).detail()).contains("line 6 THREADS", "line 7 THREADS java.lang.Thread.start");
        assertThat(hits.get(2).detail()).contains("line 5 CLOCK_OR_UNSEEDED_RANDOMNESS", "line 9");
    }

    @Test
    void aScriptThatDoesNotCompileIsHeldWithTheFirstError() {
        List<RuleHit> hits = check("""
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;
                public class Typo implements Experiment {
                    public void run(ScriptContext ctx) {
                        ctx.reprot("acc", 0.5);
                    }
                }
                """);

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.ruleId()).isEqualTo("script-unanalysed");
            assertThat(hit.detail()).contains("line 5").contains("reprot");
        });
        assertThat(RuleDefinition.SCRIPT_UNANALYSED.weight()).isEqualTo(1.0);
    }

    @Test
    void theDetailStaysBoundedHoweverManyFindings() {
        String body = "        new Thread(() -> { }).start();\n".repeat(40);
        List<RuleHit> hits = check("""
                import org.alignlab.experiments.script.Experiment;
                import org.alignlab.experiments.script.ScriptContext;
                public class Many implements Experiment {
                    public void run(ScriptContext ctx) {
                %s    }
                }
                """.formatted(body));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.detail()).endsWith("; and 32 more");
            assertThat(hit.detail().length()).isLessThan(ScriptCapabilityRule.MAX_FINDINGS_SHOWN
                    * (ScriptCapabilityRule.MAX_FINDING_LENGTH + 2) + 20);
        });
    }

    @Test
    void anActionWithoutAScriptIsNotAnalysed() {
        assertThat(rule.check(TestActions.demo(), context)).isEmpty();
    }
}
