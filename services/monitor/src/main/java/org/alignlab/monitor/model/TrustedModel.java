package org.alignlab.monitor.model;

import java.util.List;
import org.alignlab.contracts.events.AgentAction;

/** The trusted model's suspicion for actions. Never throws: a failure is an {@link ModelScore.Status#UNAVAILABLE} score. */
public interface TrustedModel {

    /** One score per action, in order; asks for all of them at once so a batch waits for the slowest only. */
    List<ModelScore> scoreAll(List<AgentAction> actions);
}
