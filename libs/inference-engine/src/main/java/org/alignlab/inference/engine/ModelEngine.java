package org.alignlab.inference.engine;

import java.nio.file.Path;

/** Loads a model's weights into a deep-learning engine; the one place that knows which engine it is. */
public interface ModelEngine {

    /**
     * Loads the weights of {@code metadata} from {@code folder}.
     *
     * @throws ModelLoadException when the weights are missing, unreadable or do not fit the declared signature
     */
    LoadedModel load(Path folder, ModelMetadata metadata);

    /** Where models run, such as {@code cpu()} or {@code gpu(0)}; the same for every model of this engine. */
    String device();
}
