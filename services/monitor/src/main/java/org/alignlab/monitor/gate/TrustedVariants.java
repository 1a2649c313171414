package org.alignlab.monitor.gate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;

/**
 * The safe variant that DEFER_TO_TRUSTED runs instead of a suspicious action: the same family, split and
 * resources with the family's default parameters (every family parameter is optional with a documented default)
 * and at most {@link #MAX_SEEDS} of its seeds, proposed by the {@code trusted} agent and linked to the original.
 * The replacement passes the gate like any action, so it is audited and scored in its own right.
 *
 * <p>No variant for a script (there is no safe default program) or for a trusted replacement itself (no chains of
 * replacements): the protocol holds those for a human instead.
 */
public final class TrustedVariants {

    public static final String POLICY = "defer-to-trusted";
    static final int MAX_SEEDS = 5;

    public Optional<AgentAction> replacementFor(AgentAction original) {
        if (original.agent() == Agent.TRUSTED || original.type() == ActionType.RUN_SCRIPT
                || original.spec().script() != null) {
            return Optional.empty();
        }
        ExperimentSpec spec = original.spec();
        List<Integer> seeds = spec.seeds().stream().limit(MAX_SEEDS).toList();
        ExperimentSpec safe = new ExperimentSpec(spec.family(), Map.of(), seeds, spec.split(), spec.resources(), null);
        return Optional.of(new AgentAction(replacementId(original.id()), original.goalId(), original.round(),
                Agent.TRUSTED, POLICY, original.type(), original.id(),
                "trusted replacement of action " + original.id() + ": " + spec.family() + " with default parameters",
                safe, original.createdAt()));
    }

    /** Derived from the original, so a retried decision proposes the same replacement rather than a second one. */
    static UUID replacementId(UUID originalId) {
        return UUID.nameUUIDFromBytes(("defer-to-trusted:" + originalId).getBytes(StandardCharsets.UTF_8));
    }
}
