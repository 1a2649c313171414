package org.alignlab.monitor.gate;

import org.alignlab.contracts.events.Decision;

/**
 * Fired for each decision the gate writes; observed after commit, so metrics and the audit-budget ledger count
 * only decisions that exist.
 *
 * @param calibrates whether the suspicion enters the threshold window
 */
public record ActionDecided(Decision decision, double suspicion, boolean calibrates, boolean ticketIssued) {
}
