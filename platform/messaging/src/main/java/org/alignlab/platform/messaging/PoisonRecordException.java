package org.alignlab.platform.messaging;

/**
 * Thrown by a handler for a record that can never be handled, whatever the retries: the consumer failure policy
 * dead-letters it at once with this message as the reason.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
