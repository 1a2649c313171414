package org.alignlab.monitor.gate;

import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;

/**
 * What to publish for an action once its transaction has committed: the new verdict and ticket, or for a
 * redelivered action the stored ones.
 *
 * @param ticket the signed ticket, only for ALLOW; null otherwise
 */
public record GateOutcome(Verdict verdict, ExecutionTicket ticket) {
}
