package org.alignlab.platform.messaging;

/**
 * The consumer failure policy's decision that a record goes to its topic's dead-letter queue: thrown out of the
 * {@code @Incoming} method, it is the only failure {@link DeadLetterOnDecision} sends there, with its message in
 * the {@code dead-letter-reason} header.
 */
public final class DeadLetterException extends RuntimeException {

    DeadLetterException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
