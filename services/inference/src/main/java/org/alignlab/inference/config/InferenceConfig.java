package org.alignlab.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** AlignLab's inference keys ({@code alignlab.inference.*}). */
@ConfigMapping(prefix = "alignlab.inference")
public interface InferenceConfig {

    /** Directory holding one folder per model. */
    @WithDefault("models")
    Path modelStore();
}
