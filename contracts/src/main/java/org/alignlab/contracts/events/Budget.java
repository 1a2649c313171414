package org.alignlab.contracts.events;

/** What a goal may still spend. Every field is a hard limit. */
public record Budget(int experiments, int computeSeconds, int rounds, int wallSeconds) {
}
