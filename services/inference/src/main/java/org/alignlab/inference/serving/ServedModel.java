package org.alignlab.inference.serving;

import java.util.Optional;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelSignature;
import org.alignlab.inference.features.TextClassifier;

/**
 * A model the service answers for: its runner (every request goes through it), and for a text classifier the
 * classifier that featurises text on the way in.
 *
 * @param version the first 12 hex digits of the SHA-256 of the weights file
 */
public record ServedModel(String name, String version, LoadedModel model, ModelRunner runner,
        TextClassifier classifier) implements AutoCloseable {

    public ModelSignature signature() {
        return model.signature();
    }

    public Optional<TextClassifier> textClassifier() {
        return Optional.ofNullable(classifier);
    }

    /** Stops the runner first, so no forward pass starts on a closed model. */
    @Override
    public void close() {
        runner.close();
        model.close();
    }
}
