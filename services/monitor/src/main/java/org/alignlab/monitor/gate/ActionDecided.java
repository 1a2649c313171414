package org.alignlab.monitor.gate;

import org.alignlab.contracts.events.Decision;

/** Fired when an action is decided for the first time; observed after commit. */
public record ActionDecided(Decision decision, boolean ticketIssued) {
}
