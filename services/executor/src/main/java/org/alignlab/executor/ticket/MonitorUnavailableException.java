package org.alignlab.executor.ticket;

import org.alignlab.platform.messaging.TransientFailure;

/**
 * The monitor could not say whether a ticket's audit record exists. Transient by design: the consumer failure policy
 * retries the ticket for as long as it takes, nothing has run and nothing is used up; a ticket that stays unconfirmed
 * expires and is then refused.
 */
public class MonitorUnavailableException extends RuntimeException implements TransientFailure {

    public MonitorUnavailableException(String message) {
        super(message);
    }

    public MonitorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
