package org.alignlab.monitor.scoring.capabilities;

import java.util.List;
import java.util.Optional;

/**
 * What the capability analysis made of a script: the capabilities it uses, and, when it could not analyse the whole
 * script (it does not compile, is too large, or the analysis ran out of time), why. A script that was not analysed
 * in full may still carry findings from the parts that were.
 *
 * @param findings    in line order
 * @param notAnalysed why the script was not analysed in full; empty when it was
 */
public record ScriptAnalysis(List<CapabilityFinding> findings, Optional<String> notAnalysed) {

    public ScriptAnalysis {
        findings = List.copyOf(findings);
    }

    public static ScriptAnalysis of(List<CapabilityFinding> findings) {
        return new ScriptAnalysis(findings, Optional.empty());
    }

    public static ScriptAnalysis notAnalysed(String reason) {
        return new ScriptAnalysis(List.of(), Optional.of(reason));
    }

    public static ScriptAnalysis notAnalysed(String reason, List<CapabilityFinding> findings) {
        return new ScriptAnalysis(findings, Optional.of(reason));
    }
}
