package org.alignlab.inference.serving;

/** No model of this name (or none of the kind asked for) was in the store when the service started. */
public class UnknownModelException extends RuntimeException {

    public UnknownModelException(String model) {
        super("no model named '" + model + "'");
    }

    public UnknownModelException(String model, String task) {
        super("no " + task + " model named '" + model + "'");
    }
}
