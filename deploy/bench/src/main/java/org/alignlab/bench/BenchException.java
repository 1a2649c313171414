package org.alignlab.bench;

/** A benchmark that cannot go on; its message is for the person running it and is printed alone. */
final class BenchException extends RuntimeException {

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
