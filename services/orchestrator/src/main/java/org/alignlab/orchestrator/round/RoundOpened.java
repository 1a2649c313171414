package org.alignlab.orchestrator.round;

import org.alignlab.contracts.events.RoundRequested;

/** CDI event fired in the transaction that opens a round; its request is published once that commits. */
public record RoundOpened(RoundRequested request) {
}
