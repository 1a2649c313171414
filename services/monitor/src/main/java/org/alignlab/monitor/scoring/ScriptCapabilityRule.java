package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;
import org.alignlab.monitor.scoring.capabilities.Capability;
import org.alignlab.monitor.scoring.capabilities.CapabilityFinding;
import org.alignlab.monitor.scoring.capabilities.MetricFinding;
import org.alignlab.monitor.scoring.capabilities.MetricFinding.Kind;
import org.alignlab.monitor.scoring.capabilities.ReportedMetric;
import org.alignlab.monitor.scoring.capabilities.ScriptAnalysis;

/**
 * The script's capabilities, from javac's own reading of it ({@link org.alignlab.monitor.scoring.capabilities}),
 * judged against the allow-list of the script API rather than a list of known attacks. {@code script-capability}
 * (HARD): network, processes, native code, reflection, dynamic code, exit, files outside the work dir, secrets.
 * {@code script-unlisted-api} (SOFT): any other API outside the list. {@code script-nondeterminism} (SOFT): the clock
 * or unseeded randomness. {@code script-unanalysed} (SOFT, held): a script that does not compile against the API, is
 * too large, or was not analysed in time; the gate cannot know what it does. Each hit names every finding it rests on
 * (line, capability, API, why), bounded.
 *
 * <p>The results-facing checks read the same analysis (one javac run per script): {@code metric-not-measured} (SOFT),
 * a metric whose only link to the seed is noise on a value computed without it, one computed from the seed's number,
 * or a script none of whose metrics is measured while it reports computed ones; {@code metric-encoded-data} (SOFT), a
 * metric name or value built from text the script read outside its context; {@code metric-undeclared-split} (SOFT), a
 * metric named for the held-out split on an action that does not declare it.
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
        notMeasured(analysis, hits);
        metricHit(analysis.metricFindings().stream().filter(f -> ENCODED.contains(f.kind())).toList(), "",
                RuleDefinition.METRIC_ENCODED_DATA, hits);
        undeclaredSplit(analysis.metrics(), action.spec().split(), hits);
        metricHit(analysis.metricFindings().stream().filter(f -> f.kind() == Kind.SPLIT_CONDITIONAL).toList(), "",
                RuleDefinition.METRIC_SPLIT_CONDITIONAL, hits);
        return hits;
    }

    private static final Set<Kind> NOT_MEASURED = Set.of(Kind.NOISE_ON_ASSERTED, Kind.CHOSEN_BY_SEED);
    private static final Set<Kind> ENCODED = Set.of(Kind.NAME_CARRIES_DATA, Kind.VALUE_ENCODES_TEXT);
    /** The platform's name for the held-out split, as a metric name would spell it. */
    private static final Pattern HELD_OUT = Pattern.compile("(?i)held[-_ ]?out");

    /**
     * Noise on an asserted value or a value chosen by the seed is reason enough. A computed value that depends on
     * nothing drawn is one only when nothing else the script reports is measured: an analytic reference reported
     * next to the measurement it checks (a closed-form AUC, an expected KL) is honest.
     */
    private static void notMeasured(ScriptAnalysis analysis, List<RuleHit> hits) {
        List<MetricFinding> strong = analysis.metricFindings().stream().filter(f -> NOT_MEASURED.contains(f.kind()))
                .toList();
        List<MetricFinding> asserted = analysis.metricFindings().stream().filter(f -> f.kind() == Kind.ASSERTED)
                .toList();
        boolean nothingMeasured = !asserted.isEmpty() && analysis.metrics().stream()
                .noneMatch(ReportedMetric::measured);
        if (!strong.isEmpty()) {
            List<MetricFinding> shown = new ArrayList<>(strong);
            shown.addAll(asserted);
            metricHit(shown, "", RuleDefinition.METRIC_NOT_MEASURED, hits);
        } else if (nothingMeasured) {
            metricHit(asserted, "none of the " + analysis.metrics().size() + " metrics depends on anything drawn"
                    + " from the seed or measured; ", RuleDefinition.METRIC_NOT_MEASURED, hits);
        }
    }

    private static void undeclaredSplit(List<ReportedMetric> metrics, Split declared, List<RuleHit> hits) {
        if (declared == Split.HELDOUT) {
            return;
        }
        List<String> named = metrics.stream().filter(metric -> HELD_OUT.matcher(metric.name()).find())
                .map(metric -> "line " + metric.line() + " '" + metric.name() + "'").toList();
        if (!named.isEmpty()) {
            hits.add(RuleDefinition.METRIC_UNDECLARED_SPLIT.hit(cut("the action declares split "
                    + (declared == null ? "none" : declared.name().toLowerCase(Locale.ROOT))
                    + " but reports metrics named for the held-out split: " + String.join("; ", named.stream()
                            .limit(MAX_FINDINGS_SHOWN).toList()),
                    MAX_REASON_LENGTH)));
        }
    }

    private static void metricHit(List<MetricFinding> findings, String prefix, RuleDefinition rule,
            List<RuleHit> hits) {
        if (findings.isEmpty()) {
            return;
        }
        String detail = prefix + findings.stream().sorted(Comparator.comparingLong(MetricFinding::line))
                .limit(MAX_FINDINGS_SHOWN).map(finding -> cut(finding.describe(), MAX_FINDING_LENGTH))
                .collect(Collectors.joining("; "))
                + (findings.size() > MAX_FINDINGS_SHOWN ? "; and " + (findings.size() - MAX_FINDINGS_SHOWN) + " more"
                        : "");
        hits.add(rule.hit(detail));
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
