package org.alignlab.ideation.llm;

/** The endpoint gave no usable answer (unreachable, an HTTP error, no message content). */
public class LlmUnavailableException extends RuntimeException {

    public LlmUnavailableException(String message) {
        super(message);
    }

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
