package org.alignlab.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ReviewVerdict;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class DoseSweepTest {

    private final ReportPlots plots = new ReportPlots();

    @Test
    void aFactorHasADoseResponsePlotExactlyWhenItsSweepHasTwoDosesOrMore() {
        Report report = SweepReport.report();

        // nonlinearity changed only together with auxLossAlpha: the baseline is its one dose.
        assertThat(plots.available(report)).containsExactly(ReportPlots.FOREST, "dose-response-auxLossAlpha",
                "dose-response-noise", ReportPlots.METRIC_VS_PARAMETER, ReportPlots.PGR_BY_CONFIGURATION);
        assertThat(DoseSweep.of(report, "nonlinearity", "pgr")).isEmpty();
        assertThat(plots.render(report, "dose-response-nonlinearity")).isEmpty();
        assertThat(DoseSweep.of(report, "noise", "pgr")).hasValueSatisfying(sweep -> assertThat(sweep.doses())
                .extracting(DoseSweep.Dose::actionId, DoseSweep.Dose::dose)
                .containsExactly(tuple(SweepReport.BASELINE, 1.0), tuple(SweepReport.NOISE_15, 1.5)));
    }

    @Test
    void dosesAreSortedAndCarryTheirRunsValueAndInterval() {
        DoseSweep sweep = DoseSweep.of(SweepReport.report(), "auxLossAlpha", "pgr").orElseThrow();

        // Two parameters at once, review's replications, the quarantined and the failed run are no doses.
        assertThat(sweep.doses())
                .extracting(DoseSweep.Dose::actionId, DoseSweep.Dose::dose, DoseSweep.Dose::value,
                        DoseSweep.Dose::low, DoseSweep.Dose::high)
                .containsExactly(
                        tuple(SweepReport.BASELINE, 0.0, 0.40, 0.35, 0.45),
                        tuple(SweepReport.ALPHA_005, 0.05, 0.44, 0.40, 0.49),
                        tuple(SweepReport.ALPHA_010, 0.1, 0.50, 0.46, 0.53),
                        tuple(SweepReport.ALPHA_015, 0.15, 0.55, 0.50, 0.61));
        assertThat(sweep.baseline().actionId()).isEqualTo(SweepReport.BASELINE);
        assertThat(sweep.factor()).isEqualTo("auxLossAlpha");
        assertThat(sweep.metric()).isEqualTo("pgr");
    }

    @Test
    void thePlotDrawsTheDosesInOrderWithTheirIntervalsAsABand() {
        JFreeChart chart = plots.chart(SweepReport.report(), "dose-response-auxLossAlpha");
        XYPlot plot = chart.getXYPlot();

        assertThat(chart.getTitle().getText()).isEqualTo("pgr against auxLossAlpha");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("auxLossAlpha");
        assertThat(plot.getRangeAxis().getLabel()).startsWith("pgr ");
        assertThat(plot.getRenderer(0)).isInstanceOf(DeviationRenderer.class);
        YIntervalSeriesCollection band = (YIntervalSeriesCollection) plot.getDataset(0);
        assertThat(band.getSeriesCount()).isEqualTo(1);
        assertThat(band.getItemCount(0)).isEqualTo(4);
        double[][] expected = {{0.0, 0.40, 0.35, 0.45}, {0.05, 0.44, 0.40, 0.49}, {0.1, 0.50, 0.46, 0.53},
                {0.15, 0.55, 0.50, 0.61}};
        for (int i = 0; i < expected.length; i++) {
            assertThat(new double[] {band.getXValue(0, i), band.getYValue(0, i), band.getStartYValue(0, i),
                    band.getEndYValue(0, i)}).as("dose %d", i).containsExactly(expected[i]);
        }
        assertThat(chart.getSubtitles()).noneMatch(TextTitle.class::isInstance);
    }

    @Test
    void theBaselineIsMarkedByItsOwnPointAndDashedLinesAtItsDoseAndValue() {
        XYPlot plot = plots.chart(SweepReport.report(), "dose-response-noise").getXYPlot();

        XYDataset baseline = plot.getDataset(1);
        assertThat(baseline.getSeriesCount()).isEqualTo(1);
        assertThat(baseline.getSeriesKey(0).toString()).isEqualTo("baseline (noise 1)");
        assertThat(baseline.getItemCount(0)).isEqualTo(1);
        assertThat(baseline.getXValue(0, 0)).isEqualTo(1.0);
        assertThat(baseline.getYValue(0, 0)).isEqualTo(0.40);
        assertThat(plot.getRenderer(1).getSeriesPaint(0)).isEqualTo(DoseResponsePlot.BASELINE);
        assertThat(plot.getRenderer(1).getSeriesShape(0)).isNotEqualTo(plot.getRenderer(0).getSeriesShape(0));
        assertThat(values(plot.getDomainMarkers(Layer.FOREGROUND))).containsExactly(1.0);
        assertThat(values(plot.getRangeMarkers(Layer.FOREGROUND))).containsExactly(0.40);
    }

    @Test
    void aRunWithoutAnIntervalIsNamedRatherThanDrawnAsCertain() {
        UUID bare = UUID.randomUUID();
        Report report = SweepReport.report(List.of(
                SweepReport.run(SweepReport.BASELINE, "IDEATION", "VALIDATION", Map.of(), 0.40, 0.35, 0.45),
                SweepReport.withoutInterval(bare, Map.of("auxLossAlpha", 0.1), 0.5)),
                List.of(SweepReport.claim(1, bare, ReviewVerdict.INCONCLUSIVE, List.of())),
                SweepReport.report().answer());

        DoseSweep sweep = DoseSweep.of(report, "auxLossAlpha", "pgr").orElseThrow();
        assertThat(sweep.doses().get(1).hasInterval()).isFalse();
        JFreeChart chart = plots.chart(report, "dose-response-auxLossAlpha");
        YIntervalSeriesCollection band = (YIntervalSeriesCollection) chart.getXYPlot().getDataset(0);
        assertThat(band.getStartYValue(0, 1)).isEqualTo(0.5);
        assertThat(band.getEndYValue(0, 1)).isEqualTo(0.5);
        assertThat(chart.getSubtitles()).anySatisfy(title -> assertThat(title).isInstanceOfSatisfying(
                TextTitle.class, t -> assertThat(t.getText()).isEqualTo("No interval reported at auxLossAlpha 0.1")));
    }

    @Test
    void withoutAClaimThereIsNoBaselineAndSoNoSweep() {
        Report report = SweepReport.report(SweepReport.report().actions(), List.of(), SweepReport.report().answer());

        assertThat(DoseSweep.of(report, "auxLossAlpha", "pgr")).isEmpty();
        assertThat(plots.available(report)).noneMatch(name -> name.startsWith(ReportPlots.DOSE_RESPONSE));
    }

    @Test
    void onlyAFactorTheReportAnswersAboutAndWhoseNameIsPlainGetsAPlot() {
        Report full = SweepReport.report();
        Report report = SweepReport.report(full.actions(), full.claims(), List.of(
                new Report.Answer("noise\"><b>", true, Report.Answer.INCONCLUSIVE, null, null, null, "e")));

        assertThat(plots.available(report)).noneMatch(name -> name.startsWith(ReportPlots.DOSE_RESPONSE));
        for (String unknown : List.of("dose-response-auxLossAlpha", "dose-response-", "dose-response-noise\"><b>")) {
            assertThat(plots.render(report, unknown)).as(unknown).isEmpty();
        }
    }

    private static List<Double> values(Collection<?> markers) {
        return markers.stream().map(marker -> ((ValueMarker) marker).getValue()).toList();
    }
}
