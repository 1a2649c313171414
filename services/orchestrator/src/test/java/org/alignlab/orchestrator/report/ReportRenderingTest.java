package org.alignlab.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.orchestrator.budget.Spending;
import org.alignlab.orchestrator.goal.GoalResponse;
import org.alignlab.orchestrator.goal.GoalStatus;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final UUID GOAL = UUID.randomUUID();

    private final ReportPlots plots = new ReportPlots();

    @Test
    void theOveroptimizationCurveIsDrawnWithItsData() throws Exception {
        Map<String, Double> metrics = new HashMap<>();
        double[] kls = {0.5, 1.5, 3.0, 6.0};
        for (int i = 0; i < kls.length; i++) {
            metrics.put("kl_n" + (1 << (i + 1)), kls[i]);
            metrics.put("gold_n" + (1 << (i + 1)), 1.0 + i - 0.4 * i * i);
            metrics.put("proxy_n" + (1 << (i + 1)), 1.0 + i);
        }
        metrics.put("gold_peak", 1.6);
        Report report = report("reward-overoptimization", List.of(run(metrics, Map.of("curvature", 0.5))), List.of());

        assertThat(plots.available(report)).containsExactly(ReportPlots.METRIC_VS_PARAMETER,
                ReportPlots.OVEROPTIMIZATION);
        byte[] png = plots.render(report, ReportPlots.OVEROPTIMIZATION).orElseThrow();
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        // The gold curve is the first series: its colour is on the image only if JFreeChart drew the data.
        assertThat(pixelsOf(png, ReportPlots.SERIES_COLORS.get(0).getRGB())).isGreaterThan(50);
        assertThat(pixelsOf(png, ReportPlots.SERIES_COLORS.get(1).getRGB())).isGreaterThan(50);
        assertThat(plots.render(report, ReportPlots.PGR_BY_CONFIGURATION)).isEmpty();
    }

    @Test
    void pgrPerConfigurationAndMetricAgainstParameterAreDrawnForWeakToStrong() throws Exception {
        Report report = report("weak-to-strong", List.of(run(Map.of("pgr", 0.4), Map.of("auxLossAlpha", 0.0)),
                run(Map.of("pgr", 0.7), Map.of("auxLossAlpha", 0.5))), List.of());
        assertThat(plots.available(report)).containsExactly(ReportPlots.METRIC_VS_PARAMETER,
                ReportPlots.PGR_BY_CONFIGURATION);
        assertThat(pixelsOf(plots.render(report, ReportPlots.PGR_BY_CONFIGURATION).orElseThrow(),
                ReportPlots.SERIES_COLORS.get(0).getRGB())).isGreaterThan(500);
        assertThat(pixelsOf(plots.render(report, ReportPlots.METRIC_VS_PARAMETER).orElseThrow(),
                ReportPlots.SERIES_COLORS.get(0).getRGB())).isGreaterThan(10);
    }

    @Test
    void markdownAndHtmlRankFindingsAndLinkTheirProvenance() {
        Report.ActionEntry run = run(Map.of("pgr", 0.7), Map.of("auxLossAlpha", 0.5));
        Report.Provenance chain = new Report.Provenance(run.actionId(), "IDEATION", "VALIDATION",
                ExperimentStatus.SUCCEEDED, run.audit().records(), 7L, "a".repeat(64), "trace-1");
        List<Report.ClaimEntry> claims = List.of(
                new Report.ClaimEntry(1, run.actionId(), 1, "auxLossAlpha 0 → 0.5", ReviewVerdict.ACCEPTED, 0.9, 0.3, List.of(0.1, 0.5),
                        0.01, 0.02, "held on held-out <data>", List.of("replicated"), List.of(chain)),
                new Report.ClaimEntry(2, UUID.randomUUID(), 1, null, ReviewVerdict.REJECTED, 0.1, 0.0, null, 0.6, 0.7,
                        "no gain", List.of(), List.of()));
        Report report = report("weak-to-strong", List.of(run), claims);

        String md = new MarkdownReport(plots).render(report);
        assertThat(md).contains("## Findings, ranked")
                .contains("1. **ACCEPTED**").contains("2. **REJECTED**")
                .contains("round 1, changing auxLossAlpha 0 → 0.5: held on held-out")
                .contains("[audit records](" + run.audit().records() + ")")
                .contains("trace `trace-1`")
                .contains("![pgr-by-configuration](/api/goals/" + GOAL + "/report/plots/pgr-by-configuration.png)");
        assertThat(md.indexOf("**ACCEPTED**")).isLessThan(md.indexOf("**REJECTED**"));

        String html = new HtmlReport(plots).render(report);
        assertThat(html).contains("<a href=\"" + run.audit().records() + "\">audit records</a>")
                .contains(", changing auxLossAlpha 0 → 0.5: held on held-out &lt;data&gt;")
                .contains("<img src=\"/api/goals/" + GOAL + "/report/plots/metric-vs-parameter.png\"");
        assertThat(html.indexOf("ACCEPTED")).isLessThan(html.indexOf("REJECTED"));
    }

    private static Report report(String family, List<Report.ActionEntry> actions, List<Report.ClaimEntry> claims) {
        GoalResponse goal = new GoalResponse(GOAL, "Does it help?", family, GoalStatus.COMPLETED, 1,
                new Budget(4, 900, 1, 1200), Instant.EPOCH, Instant.EPOCH.plusSeconds(60), actions.size(),
                new Spending(actions.size(), 40, 1, 60), null, "budget.rounds: 1 of 1 spent", null);
        List<String> findings = claims.stream().map(c -> c.verdict() + " for claim " + c.claimId()).toList();
        return new Report(goal, GoalStatus.COMPLETED, Instant.EPOCH, actions, claims, findings);
    }

    private static Report.ActionEntry run(Map<String, Double> metrics, Map<String, Object> params) {
        UUID id = UUID.randomUUID();
        return new Report.ActionEntry(id, "trace-1",
                new Report.ProposalEntry(1, "IDEATION", "RUN_EXPERIMENT", "search/latin-hypercube", "h", params,
                        "VALIDATION", null),
                null, new Report.AuditEntry("http://monitor/api/audit/records?actionId=" + id, 7L, "a".repeat(64)),
                new Report.ResultEntry(ExperimentStatus.SUCCEEDED, metrics, 1000, null, "trace-1", 20.0), null);
    }

    private static long pixelsOf(byte[] png, int rgb) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
