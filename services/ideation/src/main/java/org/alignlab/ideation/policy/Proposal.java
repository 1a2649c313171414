package org.alignlab.ideation.policy;

import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.ExperimentSpec;

/** One experiment a policy wants run, before it becomes an agent action with an id. */
public record Proposal(ActionType type, String hypothesis, ExperimentSpec spec) {
}
