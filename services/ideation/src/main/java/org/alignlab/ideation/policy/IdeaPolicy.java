package org.alignlab.ideation.policy;

import java.util.List;
import org.alignlab.contracts.events.RoundRequested;

/**
 * Turns a research round into experiment proposals. A policy only proposes: storing, budgeting and publishing
 * are the caller's job, so a policy cannot overspend a round's experiment budget or skip the monitor.
 */
public interface IdeaPolicy {

    /**
     * The proposals for one round, best first; the caller keeps at most the round's experiment budget. None may
     * repeat a configuration in {@code history}, nor another proposal of the same list.
     */
    List<Proposal> propose(RoundRequested round, GoalHistory history);
}
