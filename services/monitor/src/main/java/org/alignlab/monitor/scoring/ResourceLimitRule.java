package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RuleHit;

/** An action may not ask for more compute than one sandbox run is allowed; names every limit exceeded. */
public record ResourceLimitRule(int maxCpuSeconds, int maxMemoryMb, int maxWallSeconds) implements Rule {

    public static final String ID = "resources-over-limit";

    @Override
    public Optional<RuleHit> check(AgentAction action) {
        ResourceRequest asked = action.spec().resources();
        List<String> over = new ArrayList<>();
        if (asked.cpuSeconds() > maxCpuSeconds) {
            over.add("cpuSeconds " + asked.cpuSeconds() + " > " + maxCpuSeconds);
        }
        if (asked.memoryMb() > maxMemoryMb) {
            over.add("memoryMb " + asked.memoryMb() + " > " + maxMemoryMb);
        }
        if (asked.wallSeconds() > maxWallSeconds) {
            over.add("wallSeconds " + asked.wallSeconds() + " > " + maxWallSeconds);
        }
        if (over.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleHit(ID, RuleHit.Severity.HARD, String.join(", ", over)));
    }
}
