package org.alignlab.auditverifier;

/**
 * The verifier could not get what it needs to judge the chain (a database or broker it cannot reach, a key or
 * checkpoint file it cannot read): neither verified nor broken, so the command exits 2.
 */
final class UnusableInputException extends RuntimeException {

    UnusableInputException(String message) {
        super(message);
    }

    UnusableInputException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
