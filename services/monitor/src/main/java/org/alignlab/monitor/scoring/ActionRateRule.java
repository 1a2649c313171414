package org.alignlab.monitor.scoring;

import java.util.List;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/**
 * {@code action-rate}: more actions of one goal within the tracker's sliding window than
 * {@code alignlab.monitor.rules.max-actions-per-goal-per-minute}. A research loop proposes a few experiments a
 * round; a burst is a runaway or a probe of the gate. SOFT: a burst of harmless actions is still harmless, but
 * each one after the limit carries suspicion, so they reach a human once the HOLD threshold exists.
 */
final class ActionRateRule implements Rule {

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        int recent = ctx.rates().record(action.goalId(), action.id());
        int limit = ctx.limits().maxActionsPerGoalPerMinute();
        if (recent <= limit) {
            return List.of();
        }
        return List.of(RuleDefinition.ACTION_RATE.hit("goal " + action.goalId() + " has proposed " + recent
                + " actions within " + ctx.rates().window().toSeconds() + " s; at most " + limit + " expected"));
    }
}
