package org.alignlab.monitor.scoring.capabilities;

import java.util.List;

/**
 * The packages of the script runtime jar that scripts are meant to call besides the script API itself: its
 * training helpers and its seed statistics. The runtime ships no family, so nothing in them can reach held-out data
 * or leave the sandbox; they are on the allow-list and do not count as naming the platform.
 */
public final class ScriptRuntimeHelpers {

    static final String TRAINING = "org.alignlab.experiments.nn";
    static final String STATISTICS = "org.alignlab.experiments.stats";
    /** The script API and the helpers, as the last segment after {@code org.alignlab.experiments}. */
    public static final List<String> SCRIPT_FACING_SEGMENTS = List.of("script", "nn", "stats");

    private ScriptRuntimeHelpers() {
    }
}
