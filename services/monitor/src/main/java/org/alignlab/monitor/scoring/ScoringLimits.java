package org.alignlab.monitor.scoring;

import java.util.Set;

/**
 * The configured limits the rules check against ({@code alignlab.monitor.*}).
 *
 * @param knownFamilies              families that may run at all
 * @param maxActionsPerGoalPerMinute more actions of one goal than this within a sliding minute is abnormal
 */
public record ScoringLimits(Set<String> knownFamilies, int maxCpuSeconds, int maxMemoryMb, int maxWallSeconds,
        int maxActionsPerGoalPerMinute) {

    public ScoringLimits {
        knownFamilies = Set.copyOf(knownFamilies);
    }
}
