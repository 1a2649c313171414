package org.alignlab.experiments;

/** The spec file cannot be read, is not JSON, or breaks ExperimentSpec.schema.json. */
public class InvalidSpecException extends Exception {

    public InvalidSpecException(String message) {
        super(message);
    }
}
