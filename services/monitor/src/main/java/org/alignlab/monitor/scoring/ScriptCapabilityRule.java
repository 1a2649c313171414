package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.monitor.scoring.capabilities.Capability;
import org.alignlab.monitor.scoring.capabilities.CapabilityFinding;
import org.alignlab.monitor.scoring.capabilities.ScriptAnalysis;

/**
 * The script's capabilities, from javac's own reading of it ({@link org.alignlab.monitor.scoring.capabilities}),
 * judged against the allow-list of the script API rather than a list of known attacks. {@code script-capability}
 * (HARD): network, processes, native code, reflection, dynamic code, exit, files outside the work dir, secrets.
 * {@code script-unlisted-api} (SOFT): any other API outside the list. {@code script-nondeterminism} (SOFT): the clock
 * or unseeded randomness. {@code script-unanalysed} (SOFT, held): a script that does not compile against the API, is
 * too large, or was not analysed in time; the gate cannot know what it does. Each hit names every finding it rests on
 * (line, capability, API, why), bounded.
 */
final class ScriptCapabilityRule implements Rule {

    static final int MAX_FINDINGS_SHOWN = 8;
    static final int MAX_FINDING_LENGTH = 180;
    static final int MAX_REASON_LENGTH = 300;

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        String script = action.spec().script();
        if (script == null || script.isBlank()) {
            return List.of();
        }
        ScriptAnalysis analysis = ctx.scripts().analyse(script);
        List<RuleHit> hits = new ArrayList<>();
        hit(analysis, CapabilityFinding::hard, RuleDefinition.SCRIPT_CAPABILITY, hits);
        hit(analysis, f -> !f.hard() && f.capability() != Capability.CLOCK_OR_UNSEEDED_RANDOMNESS,
                RuleDefinition.SCRIPT_UNLISTED_API, hits);
        hit(analysis, f -> !f.hard() && f.capability() == Capability.CLOCK_OR_UNSEEDED_RANDOMNESS,
                RuleDefinition.SCRIPT_NONDETERMINISM, hits);
        analysis.notAnalysed().ifPresent(reason -> hits.add(RuleDefinition.SCRIPT_UNANALYSED.hit(
                cut(reason.replaceAll("\\s+", " ").strip(), MAX_REASON_LENGTH))));
        return hits;
    }

    private static void hit(ScriptAnalysis analysis, Predicate<CapabilityFinding> which, RuleDefinition rule,
            List<RuleHit> hits) {
        List<CapabilityFinding> findings = analysis.findings().stream().filter(which).toList();
        if (findings.isEmpty()) {
            return;
        }
        String detail = findings.stream().limit(MAX_FINDINGS_SHOWN)
                .map(finding -> cut(finding.describe(), MAX_FINDING_LENGTH)).collect(Collectors.joining("; "))
                + (findings.size() > MAX_FINDINGS_SHOWN ? "; and " + (findings.size() - MAX_FINDINGS_SHOWN) + " more"
                        : "");
        hits.add(rule.hit(detail));
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
