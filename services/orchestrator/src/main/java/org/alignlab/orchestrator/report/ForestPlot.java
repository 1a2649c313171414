package org.alignlab.orchestrator.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.ReviewVerdict;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The forest plot of a report's claims: one row per claim in the report's ranking, its held-out effect on the judged
 * metric (mean candidate − mean baseline) as a point and its interval as a bar, against a line at zero, coloured and
 * shaped by verdict. A claim without an effect and interval was not judged on held-out data: it gets no empty row,
 * the subtitle names it by rank. Pure.
 */
final class ForestPlot {

    /** Fixed so a reader (and a test) knows a verdict by its colour in every report. */
    static final Map<ReviewVerdict, Color> VERDICT_COLORS = Map.of(ReviewVerdict.ACCEPTED, new Color(0x2C, 0xA0, 0x2C),
            ReviewVerdict.INCONCLUSIVE, new Color(0xFF, 0x7F, 0x0E), ReviewVerdict.REJECTED, new Color(0xD6, 0x27,
                    0x28));
    static final Color ZERO_LINE = new Color(0x33, 0x33, 0x33);

    /** A second cue besides colour, for a reader who cannot tell the colours apart or prints in grey. */
    private static final Map<ReviewVerdict, Shape> VERDICT_SHAPES = Map.of(
            ReviewVerdict.ACCEPTED, new Ellipse2D.Double(-5, -5, 10, 10),
            ReviewVerdict.INCONCLUSIVE, ShapeUtils.createDiamond(6),
            ReviewVerdict.REJECTED, new Rectangle2D.Double(-4.5, -4.5, 9, 9));
    private static final List<ReviewVerdict> LEGEND_ORDER = List.of(ReviewVerdict.ACCEPTED,
            ReviewVerdict.INCONCLUSIVE, ReviewVerdict.REJECTED);
    /** Labels wrap at this share of the plot's width; never cut, however many parameters a claim changes. */
    private static final float LABEL_WIDTH_RATIO = 0.4f;
    /** About what fits on a label's line at that share of an 800-pixel plot in the axis' font, counted low. */
    private static final int CHARS_PER_LINE = 40;

    private ForestPlot() {
    }

    /** Whether any claim of the report has a held-out effect and interval to draw. */
    static boolean drawable(Report report) {
        return report.claims().stream().anyMatch(ForestPlot::judged);
    }

    static JFreeChart chart(Report report, String metric) {
        List<Report.ClaimEntry> judged = report.claims().stream().filter(ForestPlot::judged).toList();
        // A series per verdict present, so the legend names the verdicts this report has and no other.
        List<ReviewVerdict> verdicts = LEGEND_ORDER.stream()
                .filter(v -> judged.stream().anyMatch(c -> c.verdict() == v)).toList();
        DefaultCategoryDataset effects = new DefaultCategoryDataset();
        for (Report.ClaimEntry claim : judged) {
            for (ReviewVerdict verdict : verdicts) {
                effects.addValue(claim.verdict() == verdict ? claim.effect() : null, verdict.name(), label(claim));
            }
        }
        JFreeChart chart = ChartFactory.createLineChart("Held-out effect of each claim", null,
                metric + ": mean candidate − mean baseline (held-out)", effects, PlotOrientation.HORIZONTAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(new ValueMarker(0.0, ZERO_LINE, new BasicStroke(1.5f)));

        LineAndShapeRenderer renderer = new LineAndShapeRenderer(false, true);
        for (int row = 0; row < verdicts.size(); row++) {
            renderer.setSeriesPaint(row, VERDICT_COLORS.get(verdicts.get(row)));
            renderer.setSeriesShape(row, VERDICT_SHAPES.get(verdicts.get(row)));
        }
        plot.setRenderer(renderer);
        // The interval's bar: annotations are drawn after the points, so the point is larger than the bar is thick.
        for (Report.ClaimEntry claim : judged) {
            plot.addAnnotation(new CategoryLineAnnotation(label(claim), claim.interval().get(0), label(claim),
                    claim.interval().get(1), VERDICT_COLORS.get(claim.verdict()), new BasicStroke(3f)));
        }

        CategoryAxis claims = plot.getDomainAxis();
        claims.setMaximumCategoryLabelLines(Integer.MAX_VALUE);
        claims.setMaximumCategoryLabelWidthRatio(LABEL_WIDTH_RATIO);
        // Annotations take no part in the axis' automatic range, and zero must show even when every effect is above.
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        double low = 0;
        double high = 0;
        for (Report.ClaimEntry claim : judged) {
            low = Math.min(low, Math.min(claim.effect(), claim.interval().get(0)));
            high = Math.max(high, Math.max(claim.effect(), claim.interval().get(1)));
        }
        double margin = high > low ? (high - low) * 0.08 : 1.0;
        range.setRange(low - margin, high + margin);

        List<String> notJudged = report.claims().stream().filter(c -> !judged(c)).map(c -> "#" + c.rank()).toList();
        if (!notJudged.isEmpty()) {
            chart.addSubtitle(new TextTitle("Not judged on held-out data (no effect or interval): "
                    + String.join(", ", notJudged), new Font("SansSerif", Font.ITALIC, 11)));
        }
        return chart;
    }

    /** Enough height for every row, its label wrapped on as many lines as it needs. */
    static int height(Report report, int least) {
        int rows = 0;
        for (Report.ClaimEntry claim : report.claims()) {
            if (judged(claim)) {
                int lines = Math.max(1, (label(claim).length() + CHARS_PER_LINE - 1) / CHARS_PER_LINE);
                rows += 14 + 14 * lines;
            }
        }
        // Title, subtitle, axis and legend take about 160 pixels.
        return Math.max(least, 160 + rows);
    }

    /**
     * The claim's rank (which finds it in the report's list) and what it changes from its baseline, whole; a claim
     * the review withdrew or held says so, since its verdict's colour alone would not.
     */
    static String label(Report.ClaimEntry claim) {
        List<String> parts = new ArrayList<>();
        parts.add("#" + claim.rank());
        parts.add(claim.change() == null ? "claim " + claim.claimId().toString().substring(0, 8) : claim.change());
        if (claim.withdrawn()) {
            parts.add("(withdrawn)");
        } else if (claim.held()) {
            parts.add("(held for a human)");
        }
        return String.join(" ", parts);
    }

    /** A claim with an effect and both ends of its interval, each a number an axis can hold. */
    private static boolean judged(Report.ClaimEntry claim) {
        return finite(claim.effect()) && claim.interval() != null && claim.interval().size() == 2
                && finite(claim.interval().get(0)) && finite(claim.interval().get(1));
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }
}
