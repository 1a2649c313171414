package org.alignlab.inference.classify;

/** No text-classification model of this name was in the store when the service started. */
public class UnknownModelException extends RuntimeException {

    public UnknownModelException(String model) {
        super("no text-classification model named '" + model + "'");
    }
}
