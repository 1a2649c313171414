package org.alignlab.monitor.scoring;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.alignlab.monitor.config.MonitorConfig;

/** Builds the rule set from configuration, so the rules themselves stay plain, unit-testable values. */
public class ScoringSetup {

    @Produces
    @Singleton
    RuleScorer ruleScorer(MonitorConfig config) {
        return new RuleScorer(List.of(
                new KnownFamilyRule(config.knownFamilies()),
                new HeldOutSplitRule(),
                new ResourceLimitRule(config.maxCpuSeconds(), config.maxMemoryMb(), config.maxWallSeconds())));
    }
}
