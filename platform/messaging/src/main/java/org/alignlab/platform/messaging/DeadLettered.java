package org.alignlab.platform.messaging;

/**
 * Fired (as a CDI event) when the consumer failure policy gives a record up, before it goes to the dead-letter
 * queue: the monitor observes it to put a dead-lettered agent action on the audit chain.
 *
 * @param payload the record's value as received
 * @param reason  why it can never be handled, as the dead-letter-reason header will say
 */
public record DeadLettered(String topic, String payload, String reason) {
}
