package org.alignlab.monitor.scoring;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;

/**
 * The actions an action may name as its parent: every parent passed the gate before its child could exist, so the
 * gate has seen it, with the decision it took where that is known.
 */
@FunctionalInterface
public interface Lineage {

    Optional<Ancestor> find(UUID actionId);

    /**
     * An action the gate saw. {@code decision} and {@code replacementId} are empty where the gate's decision is not
     * known (a control-evaluation set carries actions, not verdicts).
     */
    record Ancestor(AgentAction action, Optional<Decision> decision, Optional<UUID> replacementId) {

        public static Ancestor undecided(AgentAction action) {
            return new Ancestor(action, Optional.empty(), Optional.empty());
        }
    }

    /** Exactly these ancestors, by action id. */
    static Lineage of(Collection<Ancestor> ancestors) {
        Map<UUID, Ancestor> byId = new LinkedHashMap<>();
        ancestors.forEach(ancestor -> byId.putIfAbsent(ancestor.action().id(), ancestor));
        return id -> Optional.ofNullable(byId.get(id));
    }

    /** Actions whose decisions are not known here: a labelled set, or a test. */
    static Lineage ofActions(Collection<AgentAction> actions) {
        return of(actions.stream().map(Ancestor::undecided).toList());
    }
}
