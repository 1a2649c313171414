package org.alignlab.monitor.scoring;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.alignlab.monitor.config.MonitorConfig;

/** Builds the rule scorer from configuration, so the rules themselves stay plain, unit-testable classes. */
public class ScoringSetup {

    @Produces
    @Singleton
    RuleScorer ruleScorer(MonitorConfig config) {
        ScoringLimits limits = new ScoringLimits(config.knownFamilies(), config.maxCpuSeconds(), config.maxMemoryMb(),
                config.maxWallSeconds(), config.rules().maxActionsPerGoalPerMinute());
        return RuleScorer.withAllRules(
                new GateContext(limits, new ActionRateTracker(Clock.systemUTC(), Duration.ofMinutes(1))));
    }
}
