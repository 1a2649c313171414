package org.alignlab.ideation.policy;

import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.ExperimentSpec;

/**
 * One experiment a policy wants run, before it becomes an agent action with an id.
 *
 * @param policy the policy that chose this configuration, carried in the action's {@code policy} field
 */
public record Proposal(String policy, ActionType type, String hypothesis, ExperimentSpec spec) {
}
