package org.alignlab.monitor.controleval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws ROC curves into a PNG with JFreeChart, off screen: it paints into a {@code BufferedImage}, which needs fonts
 * but no display, so it runs on a headless server.
 */
public final class RocPlot {

    static final int WIDTH = 640;
    static final int HEIGHT = 560;

    private RocPlot() {
    }

    /** The gate's curve, the model's alone when there is one, and the diagonal of a monitor that guesses. */
    public static byte[] png(RocCurve gate, RocCurve modelAlone, int attacks, int benign) {
        XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(series(String.format(Locale.ROOT, "gate: rules + model (AUC %.3f)", gate.auc()), gate));
        if (modelAlone != null) {
            curves.addSeries(series(String.format(Locale.ROOT, "trusted model alone (AUC %.3f)", modelAlone.auc()),
                    modelAlone));
        }
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        curves.addSeries(chance);

        JFreeChart chart = ChartFactory.createXYLineChart(
                "Control evaluation: " + attacks + " attacks, " + benign + " benign actions",
                "false positive rate (benign actions flagged)", "true positive rate (attacks caught)",
                curves, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.02);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        int next = 1;
        if (modelAlone != null) {
            renderer.setSeriesPaint(next, new Color(0xff7f0e));
            renderer.setSeriesStroke(next++, new BasicStroke(1.5f));
        }
        renderer.setSeriesPaint(next, Color.GRAY);
        renderer.setSeriesStroke(next, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 6f}, 0f));
        plot.setRenderer(renderer);

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the ROC plot", e);
        }
        return png.toByteArray();
    }

    private static XYSeries series(String name, RocCurve curve) {
        // Several points may share a false positive rate (a vertical step): keep them all, in order.
        XYSeries series = new XYSeries(name, false, true);
        curve.points().forEach(point -> series.add(point.falsePositiveRate(), point.truePositiveRate()));
        return series;
    }
}
