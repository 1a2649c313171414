package org.alignlab.inference.engine;

/** Every predictor of a model stayed in use for the whole wait: the caller should retry shortly. */
public class ModelBusyException extends RuntimeException {

    public ModelBusyException(String model) {
        super("every predictor of " + model + " is busy");
    }
}
