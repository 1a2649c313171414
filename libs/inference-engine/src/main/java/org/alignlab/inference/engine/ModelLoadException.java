package org.alignlab.inference.engine;

/** A model folder that cannot be served: bad metadata, missing or mismatched weights, an engine failure. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
