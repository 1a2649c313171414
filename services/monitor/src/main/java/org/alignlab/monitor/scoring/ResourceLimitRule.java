package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RuleHit;

/**
 * {@code resources-over-limit}: an action may not ask for more compute than one sandbox run is allowed; the hit
 * names every limit exceeded.
 */
final class ResourceLimitRule implements Rule {

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        ResourceRequest asked = action.spec().resources();
        ScoringLimits limits = ctx.limits();
        List<String> over = new ArrayList<>();
        if (asked.cpuSeconds() > limits.maxCpuSeconds()) {
            over.add("cpuSeconds " + asked.cpuSeconds() + " > " + limits.maxCpuSeconds());
        }
        if (asked.memoryMb() > limits.maxMemoryMb()) {
            over.add("memoryMb " + asked.memoryMb() + " > " + limits.maxMemoryMb());
        }
        if (asked.wallSeconds() > limits.maxWallSeconds()) {
            over.add("wallSeconds " + asked.wallSeconds() + " > " + limits.maxWallSeconds());
        }
        return over.isEmpty() ? List.of() : List.of(RuleDefinition.RESOURCES_OVER_LIMIT.hit(String.join(", ", over)));
    }
}
