package org.alignlab.orchestrator.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The dose–response plot of one factor ({@link DoseSweep}), as a paper would show it: the family's metric against the
 * factor's value, a point per run joined in dose order, the runs' 95 % intervals over seeds as a band, and the
 * baseline a dark diamond with dashed lines at its dose and its value, so a reader sees which doses leave the
 * baseline. A run that reported no interval has none drawn (the band narrows to its point) and is named in the
 * subtitle, so a missing interval never reads as certainty. Pure.
 */
final class DoseResponsePlot {

    /** Fixed so a reader (and a test) can tell the sweep from the baseline's marks. */
    static final Color SWEEP = ReportPlots.SERIES_COLORS.get(0);
    static final Color BASELINE = new Color(0x33, 0x33, 0x33);

    /** The band is the run colour, light enough for the points and the baseline's lines to show through it. */
    private static final float BAND_ALPHA = 0.25f;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);

    private DoseResponsePlot() {
    }

    static JFreeChart chart(DoseSweep sweep) {
        YIntervalSeries runs = new YIntervalSeries("runs changing " + sweep.factor() + " alone (band: 95 % interval)");
        for (DoseSweep.Dose dose : sweep.doses()) {
            runs.add(dose.dose(), dose.value(), dose.hasInterval() ? dose.low() : dose.value(),
                    dose.hasInterval() ? dose.high() : dose.value());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(runs);
        JFreeChart chart = ChartFactory.createXYLineChart(sweep.metric() + " against " + sweep.factor(),
                sweep.factor(), sweep.metric() + " (validation, mean over seeds)", data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        // Values are rarely near zero and the band is what matters: the axis fits the data, not the origin.
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        // A baseline dose of 0 is common; stuck to the axis' edge, its diamond and line would be cut.
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeStickyZero(false);

        DeviationRenderer band = new DeviationRenderer(true, true);
        band.setSeriesPaint(0, SWEEP);
        band.setSeriesFillPaint(0, SWEEP);
        band.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        band.setAlpha(BAND_ALPHA);
        plot.setRenderer(0, band);

        DoseSweep.Dose baseline = sweep.baseline();
        XYSeries baselinePoint = new XYSeries("baseline (" + sweep.factor() + " " + ClaimChange.text(baseline.dose())
                + ")");
        baselinePoint.add(baseline.dose(), baseline.value());
        plot.setDataset(1, new XYSeriesCollection(baselinePoint));
        XYLineAndShapeRenderer mark = new XYLineAndShapeRenderer(false, true);
        mark.setSeriesPaint(0, BASELINE);
        mark.setSeriesShape(0, ShapeUtils.createDiamond(8));
        plot.setRenderer(1, mark);
        // The baseline's diamond goes over the run's point at the same place.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.addRangeMarker(new ValueMarker(baseline.value(), BASELINE, DASHED));
        plot.addDomainMarker(new ValueMarker(baseline.dose(), BASELINE, DASHED));

        List<String> withoutInterval = sweep.doses().stream().filter(dose -> !dose.hasInterval())
                .map(dose -> ClaimChange.text(dose.dose())).toList();
        if (!withoutInterval.isEmpty()) {
            chart.addSubtitle(new TextTitle("No interval reported at " + sweep.factor() + " "
                    + String.join(", ", withoutInterval), new Font("SansSerif", Font.ITALIC, 11)));
        }
        return chart;
    }
}
