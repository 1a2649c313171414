package org.alignlab.monitor.scoring;

import java.util.List;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/**
 * One static check, or one family of closely related checks, of an action. Rules never decide; the control
 * protocol does, from all their hits. A rule reports at most one hit per rule id, naming everything it found.
 */
public interface Rule {

    List<RuleHit> check(AgentAction action, GateContext ctx);

    /** As above, for a rule that also reads what the action builds on; most rules do not. */
    default List<RuleHit> check(AgentAction action, GateContext ctx, Lineage lineage) {
        return check(action, ctx);
    }
}
