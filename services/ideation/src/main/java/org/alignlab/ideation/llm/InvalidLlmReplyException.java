package org.alignlab.ideation.llm;

/** The model answered, but not with the JSON the prompt asked for. */
public class InvalidLlmReplyException extends RuntimeException {

    public InvalidLlmReplyException(String message) {
        super(message);
    }
}
