package org.alignlab.inference.serving;

/** The model exists but cannot answer: it is still loading, or it failed to load (see the service log). */
public class ModelNotLoadedException extends RuntimeException {

    public ModelNotLoadedException(String model, String reason) {
        super("model '" + model + "' is not loaded: " + reason);
    }
}
