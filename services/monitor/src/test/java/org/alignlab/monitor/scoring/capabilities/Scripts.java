package org.alignlab.monitor.scoring.capabilities;

import java.util.List;
import org.alignlab.contracts.events.RuleHit.Severity;

/** Builds scripts for the analysis tests and reads their findings. */
final class Scripts {

    /** One analyser for all tests, as the monitor has one: its workers are daemons. */
    static final ScriptCapabilities ANALYSER = new ScriptCapabilities(ScriptCapabilities.Limits.DEFAULTS);

    private Scripts() {
    }

    /**
     * A whole script whose {@code run} holds {@code body}, after {@code imports} (whole lines). The body starts on
     * line {@link #BODY_LINE}.
     */
    static String script(String imports, String body) {
        return imports + "\n"
                + "import org.alignlab.experiments.script.Experiment;\n"
                + "import org.alignlab.experiments.script.ScriptContext;\n"
                + "public class Probe implements Experiment {\n"
                + "    @Override\n"
                + "    public void run(ScriptContext ctx) throws Exception {\n"
                + body + "\n"
                + "        ctx.report(\"done\", 1.0);\n"
                + "    }\n"
                + "}\n";
    }

    /** The line of a script's body's first line, when its imports are one line. */
    static final int BODY_LINE = 7;

    static ScriptAnalysis analyse(String source) {
        return ANALYSER.analyse(source);
    }

    static List<Capability> hard(ScriptAnalysis analysis) {
        return analysis.findings().stream().filter(CapabilityFinding::hard).map(CapabilityFinding::capability)
                .distinct().toList();
    }

    static List<Capability> soft(ScriptAnalysis analysis) {
        return analysis.findings().stream().filter(f -> f.severity() == Severity.SOFT)
                .map(CapabilityFinding::capability).distinct().toList();
    }

    /** Every finding, one per line, for assertion messages. */
    static String describe(ScriptAnalysis analysis) {
        StringBuilder out = new StringBuilder();
        analysis.notAnalysed().ifPresent(reason -> out.append("not analysed: ").append(reason).append('\n'));
        analysis.findings().forEach(f -> out.append(f.severity()).append(' ').append(f.describe()).append('\n'));
        return out.toString();
    }
}
