package org.alignlab.launcher;

/** A failure the user can act on: its message is printed as is, without a stack trace, and the launcher exits 1. */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
