package org.alignlab.inference.model;

import java.nio.file.Path;

/** The model store directory is missing or unreadable: nothing can be served until an operator fixes it. */
public class ModelStoreUnavailableException extends RuntimeException {

    public ModelStoreUnavailableException(Path root) {
        super("model store " + root + " is not a readable directory");
    }
}
