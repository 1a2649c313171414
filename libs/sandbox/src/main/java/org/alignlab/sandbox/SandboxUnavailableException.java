package org.alignlab.sandbox;

/** The sandbox cannot be used on this host; the message says what an operator must do. */
public class SandboxUnavailableException extends Exception {

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
