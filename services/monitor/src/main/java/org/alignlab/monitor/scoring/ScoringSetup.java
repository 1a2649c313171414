package org.alignlab.monitor.scoring;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.monitor.config.MonitorConfig;
import org.alignlab.monitor.scoring.capabilities.ScriptCapabilities;

/** Builds the rule scorer from configuration, so the rules themselves stay plain, unit-testable classes. */
public class ScoringSetup {

    @Produces
    @Singleton
    ScoringLimits scoringLimits(MonitorConfig config) {
        return new ScoringLimits(FamilyCatalogue.standard().narrow(config.knownFamilies(),
                "alignlab.monitor.known-families"), config.maxCpuSeconds(), config.maxMemoryMb(),
                config.maxWallSeconds(), config.rules().maxActionsPerGoalPerMinute());
    }

    /** One analyser for the gate and control evaluation alike: its workers bound javac's use of the monitor. */
    @Produces
    @Singleton
    ScriptCapabilities scriptCapabilities(MonitorConfig config) {
        MonitorConfig.ScriptAnalysis settings = config.rules().scriptAnalysis();
        return new ScriptCapabilities(new ScriptCapabilities.Limits(settings.maxChars(), settings.timeout(),
                settings.concurrency()));
    }

    void closeScriptCapabilities(@Disposes ScriptCapabilities scripts) {
        scripts.close();
    }

    @Produces
    @Singleton
    RuleScorer ruleScorer(ScoringLimits limits, ScriptCapabilities scripts) {
        return scorerWithOwnRates(limits, scripts);
    }

    /**
     * The whole rule catalogue with an action-rate tracker of its own. The gate holds one for its lifetime; a control
     * evaluation takes a fresh one, so its actions neither count towards live goals' rates nor see theirs.
     */
    public static RuleScorer scorerWithOwnRates(ScoringLimits limits, ScriptCapabilities scripts) {
        return RuleScorer.withAllRules(new GateContext(limits,
                new ActionRateTracker(Clock.systemUTC(), Duration.ofMinutes(1)), scripts));
    }
}
