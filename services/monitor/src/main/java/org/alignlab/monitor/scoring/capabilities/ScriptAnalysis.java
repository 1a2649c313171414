package org.alignlab.monitor.scoring.capabilities;

import java.util.List;
import java.util.Optional;

/**
 * What the capability analysis made of a script: the capabilities it uses, what its reported metrics rest on, and,
 * when it could not analyse the whole script (it does not compile, is too large, or the analysis ran out of time),
 * why. A script that was not analysed in full may still carry findings from the parts that were.
 *
 * @param findings       in line order
 * @param notAnalysed    why the script was not analysed in full; empty when it was
 * @param metrics        the script's {@code ctx.report} calls, in line order
 * @param metricFindings the reported metrics that are not measurements (see {@link MetricDependence}), in line order
 */
public record ScriptAnalysis(List<CapabilityFinding> findings, Optional<String> notAnalysed,
        List<ReportedMetric> metrics, List<MetricFinding> metricFindings) {

    public ScriptAnalysis {
        findings = List.copyOf(findings);
        metrics = List.copyOf(metrics);
        metricFindings = List.copyOf(metricFindings);
    }

    public ScriptAnalysis(List<CapabilityFinding> findings, Optional<String> notAnalysed) {
        this(findings, notAnalysed, List.of(), List.of());
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

    /** The same analysis with what the dependence analysis found about the script's metrics. */
    ScriptAnalysis withMetrics(MetricDependence.Result result) {
        return new ScriptAnalysis(findings, notAnalysed, result.metrics(), result.findings());
    }
}
