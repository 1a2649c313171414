package org.alignlab.orchestrator.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyMetric;
import org.alignlab.contracts.events.ExperimentStatus;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's plots as PNG, drawn headless with JFreeChart from the stored report (so a plot always shows what the
 * report says): the claims' held-out effects ({@link ForestPlot}), the dose–response of each factor the report answers
 * about ({@link DoseResponsePlot}), the family's metric against the most varied parameter, PGR per configuration
 * (weak-to-strong), and the over-optimization curve, gold and proxy reward against KL (reward-overoptimization). Pure.
 */
public final class ReportPlots {

    public static final String FOREST = "forest";
    public static final String METRIC_VS_PARAMETER = "metric-vs-parameter";
    public static final String PGR_BY_CONFIGURATION = "pgr-by-configuration";
    public static final String OVEROPTIMIZATION = "overoptimization";
    /** Followed by the factor's name: one plot per factor the report answers about, where it has a sweep. */
    public static final String DOSE_RESPONSE = "dose-response-";

    /** Series colours in order; fixed so a reader (and a test) can tell the series apart. */
    public static final List<Color> SERIES_COLORS = List.of(new Color(0x1F, 0x77, 0xB4), new Color(0xD6, 0x27, 0x28),
            new Color(0x2C, 0xA0, 0x2C), new Color(0xFF, 0x7F, 0x0E), new Color(0x94, 0x67, 0xBD),
            new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F));

    private static final Pattern KL_POINT = Pattern.compile("kl_n(\\d+)");
    /**
     * A factor is a catalogue parameter's name; a stored report is still only JSON, so a name that could not stand
     * unescaped in a URL path, a Markdown image or an HTML attribute gets no plot.
     */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_CURVES = 4;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    static {
        // Charts are drawn off-screen on a server without a display.
        System.setProperty("java.awt.headless", "true");
    }

    /** The plots this report has data for, in the order a reader should see them. */
    public List<String> available(Report report) {
        List<String> names = new ArrayList<>();
        if (ForestPlot.drawable(report)) {
            names.add(FOREST);
        }
        String metric = metricOf(report);
        doseSweeps(report, metric).forEach(sweep -> names.add(DOSE_RESPONSE + sweep.factor()));
        if (runs(report).stream().anyMatch(run -> run.result().metrics().containsKey(metric))) {
            names.add(METRIC_VS_PARAMETER);
        }
        if (runs(report).stream().anyMatch(run -> run.result().metrics().containsKey("pgr"))) {
            names.add(PGR_BY_CONFIGURATION);
        }
        if (runs(report).stream().anyMatch(run -> !klPoints(run).isEmpty())) {
            names.add(OVEROPTIMIZATION);
        }
        return names;
    }

    /** The plot as PNG bytes; empty when the report has no data for it. */
    public Optional<byte[]> render(Report report, String name) {
        if (!available(report).contains(name)) {
            return Optional.empty();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart(report, name), WIDTH, height(report, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(png.toByteArray());
    }

    /** The chart of an available plot, before it is drawn. */
    JFreeChart chart(Report report, String name) {
        return switch (name) {
            case FOREST -> ForestPlot.chart(report, metricOf(report));
            case METRIC_VS_PARAMETER -> metricVsParameter(report);
            case PGR_BY_CONFIGURATION -> pgrByConfiguration(report);
            case OVEROPTIMIZATION -> overoptimization(report);
            default -> DoseResponsePlot.chart(doseSweeps(report, metricOf(report)).stream()
                    .filter(sweep -> name.equals(DOSE_RESPONSE + sweep.factor())).findFirst().orElseThrow());
        };
    }

    /** The sweep of each factor the report answers about, in the answer's order, where it has two doses or more. */
    private static List<DoseSweep> doseSweeps(Report report, String metric) {
        return report.answer().stream()
                .map(Report.Answer::factor)
                .filter(factor -> PLAIN_NAME.matcher(factor).matches())
                .map(factor -> DoseSweep.of(report, factor, metric))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The forest plot grows with its claims, so each row keeps room for its label; the others have a fixed size. */
    int height(Report report, String name) {
        return name.equals(FOREST) ? ForestPlot.height(report, HEIGHT) : HEIGHT;
    }

    private JFreeChart metricVsParameter(Report report) {
        String metric = metricOf(report);
        List<Report.ActionEntry> runs = runs(report).stream()
                .filter(run -> run.result().metrics().containsKey(metric)).toList();
        Optional<String> parameter = mostVariedParameter(runs);
        Map<String, XYSeries> bySplit = new LinkedHashMap<>();
        for (Report.ActionEntry run : runs) {
            String split = run.proposal() == null || run.proposal().split() == null ? "VALIDATION"
                    : run.proposal().split();
            double x = parameter.map(p -> number(run.proposal().params().get(p)))
                    .orElse(run.proposal() == null || run.proposal().round() == null ? 1.0 : run.proposal().round());
            bySplit.computeIfAbsent(split, s -> new XYSeries(s.toLowerCase(java.util.Locale.ROOT), false, true))
                    .add(x, run.result().metrics().get(metric));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        bySplit.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createScatterPlot(metric + " against " + parameter.orElse("round"),
                parameter.orElse("round"), metric, data, PlotOrientation.VERTICAL, true, false, false);
        colour(chart.getXYPlot(), data.getSeriesCount(), false);
        return chart;
    }

    private JFreeChart pgrByConfiguration(Report report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Report.ActionEntry run : runs(report)) {
            Double pgr = run.result().metrics().get("pgr");
            if (pgr != null) {
                String split = run.proposal() == null || run.proposal().split() == null ? "validation"
                        : run.proposal().split().toLowerCase(java.util.Locale.ROOT);
                data.addValue(pgr, split, label(run));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("PGR per configuration", "configuration", "pgr", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        // Level, a dozen configurations' labels are cut to "..."; slanted, each has the height of the plot.
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, SERIES_COLORS.get(i % SERIES_COLORS.size()));
        }
        plot.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private JFreeChart overoptimization(Report report) {
        XYSeriesCollection data = new XYSeriesCollection();
        runs(report).stream().filter(run -> !klPoints(run).isEmpty()).limit(MAX_CURVES).forEach(run -> {
            XYSeries gold = new XYSeries("gold " + label(run), true, true);
            XYSeries proxy = new XYSeries("proxy " + label(run), true, true);
            Map<String, Double> metrics = run.result().metrics();
            for (String n : klPoints(run)) {
                double kl = metrics.get("kl_n" + n);
                if (metrics.containsKey("gold_n" + n)) {
                    gold.add(kl, metrics.get("gold_n" + n));
                }
                if (metrics.containsKey("proxy_n" + n)) {
                    proxy.add(kl, metrics.get("proxy_n" + n));
                }
            }
            data.addSeries(gold);
            data.addSeries(proxy);
        });
        JFreeChart chart = ChartFactory.createXYLineChart("Over-optimization: gold and proxy reward against KL",
                "KL from the initial policy", "reward", data, PlotOrientation.VERTICAL, true, false, false);
        colour(chart.getXYPlot(), data.getSeriesCount(), true);
        return chart;
    }

    private static void colour(XYPlot plot, int series, boolean lines) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(lines, true);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, SERIES_COLORS.get(i % SERIES_COLORS.size()));
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
    }

    /** Runs that succeeded, in the report's order. */
    private static List<Report.ActionEntry> runs(Report report) {
        return report.actions().stream()
                .filter(a -> a.result() != null && a.result().status() == ExperimentStatus.SUCCEEDED
                        && a.result().metrics() != null)
                .toList();
    }

    static String metricOf(Report report) {
        String family = report.goal().family();
        return FamilyCatalogue.standard().find(family).flatMap(FamilyDefinition::judgedMetric).map(FamilyMetric::name)
                .orElseGet(() -> runs(report).stream().flatMap(run -> run.result().metrics().keySet().stream())
                        .sorted().findFirst().orElse("metric"));
    }

    /** The numeric parameter with the most distinct values among the runs; none when no number varies. */
    private static Optional<String> mostVariedParameter(List<Report.ActionEntry> runs) {
        Map<String, Set<Double>> values = new TreeMap<>();
        for (Report.ActionEntry run : runs) {
            if (run.proposal() == null || run.proposal().params() == null) {
                return Optional.empty();
            }
            run.proposal().params().forEach((name, value) -> {
                if (value instanceof Number number) {
                    values.computeIfAbsent(name, n -> new TreeSet<>()).add(number.doubleValue());
                }
            });
        }
        return values.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .filter(e -> runs.stream().allMatch(run -> run.proposal().params().get(e.getKey()) instanceof Number))
                .max(Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey);
    }

    /** The N of every {@code kl_n<N>} metric of a run, ordered by N. */
    private static List<String> klPoints(Report.ActionEntry run) {
        return run.result().metrics().keySet().stream()
                .map(KL_POINT::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .sorted(Comparator.comparingLong(Long::parseLong))
                .toList();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** A short, unique name for a configuration: its round and the start of its action id. */
    private static String label(Report.ActionEntry run) {
        String round = run.proposal() == null || run.proposal().round() == null ? "" : "r" + run.proposal().round()
                + " ";
        return round + run.actionId().toString().substring(0, 8);
    }
}
