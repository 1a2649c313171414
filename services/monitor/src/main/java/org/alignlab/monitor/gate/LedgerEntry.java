package org.alignlab.monitor.gate;

import java.util.UUID;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.Decision;

/**
 * One gate decision as the audit-budget ledger counts it: every one towards the held share, and into the
 * calibration window when it {@code calibrates}.
 *
 * @param inForce    the thresholds it was decided with; null only for verdicts stored before they were kept, which
 *                   then do not calibrate
 * @param calibrates whether it enters the calibration window: not a HARD block, not a model outage (see
 *                   {@link ActionGate})
 */
public record LedgerEntry(UUID goalId, Agent agent, Decision decision, double suspicion, Thresholds inForce,
        boolean calibrates) {

    public LedgerEntry {
        if (calibrates && (goalId == null || agent == null || inForce == null)) {
            throw new IllegalArgumentException("a calibrating decision needs its goal, agent and thresholds");
        }
    }
}
