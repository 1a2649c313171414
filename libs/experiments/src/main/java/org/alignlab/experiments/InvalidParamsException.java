package org.alignlab.experiments;

/** A spec's params do not fit its family. The runner reports it as a bad spec, not as a failed experiment. */
public class InvalidParamsException extends IllegalArgumentException {

    public InvalidParamsException(String message) {
        super(message);
    }
}
