package org.alignlab.executor.ticket;

/**
 * The monitor could not say whether a ticket's audit record exists. Transient by design: the consumer retries
 * the ticket, nothing has run and nothing is used up; a ticket that stays unconfirmed expires and is then refused.
 */
public class MonitorUnavailableException extends RuntimeException {

    public MonitorUnavailableException(String message) {
        super(message);
    }

    public MonitorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
