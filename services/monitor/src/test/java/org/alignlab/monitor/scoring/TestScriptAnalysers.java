package org.alignlab.monitor.scoring;

import java.util.List;
import org.alignlab.monitor.scoring.capabilities.ScriptAnalyser;
import org.alignlab.monitor.scoring.capabilities.ScriptAnalysis;
import org.alignlab.monitor.scoring.capabilities.ScriptCapabilities;

/** Script analysers for rule tests. */
public final class TestScriptAnalysers {

    /**
     * For tests of the content rules, whose examples are snippets rather than whole scripts (they would not compile):
     * the capability analysis finds nothing, so only the content rules' hits are seen.
     */
    public static final ScriptAnalyser NOTHING_FOUND = source -> ScriptAnalysis.of(List.of());

    /** The monitor's analyser with its default limits, shared by the tests (its workers are daemons). */
    public static final ScriptCapabilities REAL = new ScriptCapabilities(ScriptCapabilities.Limits.DEFAULTS);

    private TestScriptAnalysers() {
    }
}
