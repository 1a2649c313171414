package org.alignlab.ideation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** AlignLab's ideation keys ({@code alignlab.ideation.*}). */
@ConfigMapping(prefix = "alignlab.ideation")
public interface IdeationConfig {

    /** Seeds of every proposal unless its family names its own. */
    @WithDefault("1,2")
    List<Integer> seeds();

    /** The compute each proposed experiment asks for. */
    Resources resources();

    /** Per-family settings, keyed by family name (e.g. {@code weak-to-strong}). */
    Map<String, Family> families();

    interface Resources {
        @WithDefault("300")
        int cpuSeconds();

        @WithDefault("1536")
        int memoryMb();

        @WithDefault("300")
        int wallSeconds();
    }

    interface Family {
        /** Experiment parameters as text; numbers and booleans are sent as JSON numbers and booleans. */
        Map<String, String> params();

        Optional<List<Integer>> seeds();
    }
}
