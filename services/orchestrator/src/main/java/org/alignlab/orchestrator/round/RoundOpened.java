package org.alignlab.orchestrator.round;

import org.alignlab.contracts.events.RoundRequested;

/** CDI event fired in the transaction that opens a round; the round counts as requested once that commits. */
public record RoundOpened(RoundRequested request) {
}
