package org.alignlab.ideation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
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

    /** How the search policy spends a round. */
    Search search();

    /** The optional LLM policy; without {@code url} it is off and the search policy proposes alone. */
    Llm llm();

    interface Resources {
        @WithDefault("300")
        int cpuSeconds();

        @WithDefault("1536")
        int memoryMb();

        @WithDefault("300")
        int wallSeconds();
    }

    interface Family {
        /** The baseline's parameters as text; numbers and booleans are sent as JSON numbers and booleans. */
        Map<String, String> params();

        Optional<List<Integer>> seeds();

        /**
         * The parameters the search varies: a subset of the family catalogue's searchable ones; absent means all of
         * them that the baseline does not pin.
         */
        Optional<List<String>> search();

        /** A searched parameter's range as {@code lo..hi}, inside the catalogue's range for it. */
        Map<String, String> range();
    }

    interface Search {
        /** Space-filling points proposed next to the baseline while no result is in. */
        @WithDefault("4")
        int initialPoints();

        /** Model-based proposals per later round. */
        @WithDefault("2")
        int perRound();

        /** The UCB weight on the posterior standard deviation: larger explores more. */
        @WithDefault("2.0")
        double exploration();

        /** Candidate points the acquisition function is evaluated on. */
        @WithDefault("1024")
        int candidates();
    }

    interface Llm {
        /** Base URL of an OpenAI-compatible server; {@code /v1/chat/completions} is appended. */
        Optional<URI> url();

        @WithDefault("gpt-4o-mini")
        String model();

        /** Sent as a bearer token when present; give it by environment, never in the repository. */
        Optional<String> apiKey();

        @WithDefault("60s")
        Duration timeout();
    }
}
