package org.alignlab.monitor.scoring;

import java.util.Optional;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/** One static check of an action. Rules never decide; the control protocol does, from all their hits. */
public interface Rule {

    Optional<RuleHit> check(AgentAction action);
}
