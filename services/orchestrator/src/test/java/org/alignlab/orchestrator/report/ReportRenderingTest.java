package org.alignlab.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.orchestrator.budget.Spending;
import org.alignlab.orchestrator.goal.GoalResponse;
import org.alignlab.orchestrator.goal.GoalStatus;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.title.TextTitle;
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
    void theAnswerComesFirstInMarkdownAndHtmlAndEscapesWhatItDidNotWrite() {
        Report plain = report("q", null, "weak-to-strong", List.of(), List.of());
        Report report = new Report(plain.goal(), plain.status(), plain.generatedAt(), plain.actions(), plain.claims(),
                plain.findings(), List.of(new Report.Answer("auxLossAlpha", false, Report.Answer.SUPPORTED, 1, 0.12,
                        List.of(0.05, 0.2), "1 of 2 claims ACCEPTED; claim #1 (auxLossAlpha 0 → <b>0.1</b>)")));

        String md = new MarkdownReport(new ReportPlots()).render(report);
        String html = new HtmlReport(new ReportPlots()).render(report);

        assertThat(md).contains("## Answer").contains("`auxLossAlpha` (inferred from the question): **SUPPORTED**, "
                + "effect 0.120");
        assertThat(md.indexOf("## Answer")).isLessThan(md.indexOf("## Findings"));
        assertThat(html).contains("<h2>Answer</h2>").contains("<strong>SUPPORTED</strong>")
                .contains("&lt;b&gt;0.1&lt;/b&gt;").doesNotContain("<b>0.1</b>");
        assertThat(html.indexOf("<h2>Answer</h2>")).isLessThan(html.indexOf("<h2>Findings"));
    }

    @Test
    void markdownAndHtmlRankFindingsAndLinkTheirProvenance() {
        Report.ActionEntry run = run(Map.of("pgr", 0.7), Map.of("auxLossAlpha", 0.5));
        Report.Provenance chain = new Report.Provenance(run.actionId(), "IDEATION", "VALIDATION",
                ExperimentStatus.SUCCEEDED, run.audit().records(), 7L, "a".repeat(64), "trace-1", false);
        List<Report.ClaimEntry> claims = List.of(
                new Report.ClaimEntry(1, run.actionId(), 1, "auxLossAlpha 0 → 0.5", ReviewVerdict.ACCEPTED, 0.9, 0.3,
                        List.of(0.1, 0.5),
                        0.01, 0.02, "held on held-out <data>", List.of("replicated"), List.of(chain), List.of()),
                new Report.ClaimEntry(2, UUID.randomUUID(), 1, null, ReviewVerdict.REJECTED, 0.1, 0.0, null, 0.6, 0.7,
                        "no gain", List.of(), List.of(), List.of()));
        Report report = report("weak-to-strong", List.of(run), claims);

        String md = new MarkdownReport(plots).render(report);
        assertThat(md).contains("## Findings, ranked")
                .contains("1. **ACCEPTED**").contains("2. **REJECTED**")
                .contains("round 1, changing auxLossAlpha 0 → 0.5: held on held-out")
                .contains("[audit records](" + run.audit().records() + ")")
                .contains("trace `trace-1`")
                .contains("![forest](/api/goals/" + GOAL + "/report/plots/forest.png)")
                .contains("![pgr-by-configuration](/api/goals/" + GOAL + "/report/plots/pgr-by-configuration.png)");
        assertThat(md.indexOf("**ACCEPTED**")).isLessThan(md.indexOf("**REJECTED**"));

        String html = new HtmlReport(plots).render(report);
        assertThat(html).contains("<a href=\"" + run.audit().records() + "\">audit records</a>")
                .contains(", changing auxLossAlpha 0 → 0.5: held on held-out &lt;data&gt;")
                .contains("<img src=\"data:image/png;base64,");
        assertThat(html.indexOf("ACCEPTED")).isLessThan(html.indexOf("REJECTED"));
    }

    @Test
    void theForestPlotDrawsEachJudgedClaimWithItsIntervalAroundZero() throws Exception {
        Report.ActionEntry run = run(Map.of("pgr", 0.7), Map.of("auxLossAlpha", 0.5));
        Report report = report("weak-to-strong", List.of(run), List.of(
                claim(1, "auxLossAlpha 0 → 0.5", ReviewVerdict.ACCEPTED, 0.3, List.of(0.1, 0.5)),
                claim(2, "auxLossAlpha 0 → 0.9", ReviewVerdict.REJECTED, -0.2, List.of(-0.4, 0.05)),
                claim(3, "auxLossAlpha 0 → 0.1", ReviewVerdict.INCONCLUSIVE, null, null)));

        assertThat(plots.available(report)).first().isEqualTo(ReportPlots.FOREST);
        byte[] png = plots.render(report, ReportPlots.FOREST).orElseThrow();
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        // Each interval is a bar, far longer than a point (10 px) or a legend's mark.
        assertThat(longestRowRunOf(png, ForestPlot.VERDICT_COLORS.get(ReviewVerdict.ACCEPTED).getRGB()))
                .isGreaterThan(100);
        assertThat(longestRowRunOf(png, ForestPlot.VERDICT_COLORS.get(ReviewVerdict.REJECTED).getRGB()))
                .isGreaterThan(100);
        // The claim without an interval is not drawn, not even in the legend.
        assertThat(pixelsOf(png, ForestPlot.VERDICT_COLORS.get(ReviewVerdict.INCONCLUSIVE).getRGB())).isZero();
        assertThat(tallestColumnOf(png, ForestPlot.ZERO_LINE.getRGB())).as("the line at zero").isGreaterThan(200);

        JFreeChart chart = ForestPlot.chart(report, "pgr");
        assertThat(chart.getCategoryPlot().getDataset().getColumnKeys())
                .containsExactly("#1 auxLossAlpha 0 → 0.5", "#2 auxLossAlpha 0 → 0.9");
        assertThat(chart.getCategoryPlot().getRangeAxis().getLabel()).startsWith("pgr: ");
        assertThat(chart.getSubtitles()).anySatisfy(title -> assertThat(title).isInstanceOfSatisfying(
                TextTitle.class, t -> assertThat(t.getText()).endsWith("(no effect or interval): #3")));
    }

    @Test
    void aForestPlotLabelIsWrappedWhole() {
        String change = "auxLossAlpha 0 → 0.5, learningRate 0.0001 → 0.0003, proxySamples 64 → 512, "
                + "strongModel gpt2 → gpt2-medium, weakModel pythia-70m → pythia-160m, epochs 1 → 3";
        Report report = report("weak-to-strong", List.of(), List.of(
                claim(1, change, ReviewVerdict.ACCEPTED, 0.3, List.of(0.1, 0.5))));
        List<String> lines = categoryLabels(report, ReportPlots.FOREST).get(0);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo("#1 " + change);
    }

    @Test
    void everyConfigurationOfManyIsNamedWholeUnderItsBar() {
        List<Report.ActionEntry> runs = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            runs.add(run(Map.of("pgr", 0.3 + 0.03 * i), Map.of("auxLossAlpha", 0.1 * i)));
        }
        Report report = report("weak-to-strong", runs, List.of());
        assertThat(categoryLabels(report, ReportPlots.PGR_BY_CONFIGURATION).stream().map(l -> String.join("", l)))
                .containsExactlyElementsOf(runs.stream().map(r -> "r1 " + r.actionId().toString().substring(0, 8))
                        .toList());
    }

    @Test
    void aReportWithoutJudgedClaimsHasNoForestPlot() {
        Report.ActionEntry run = run(Map.of("pgr", 0.7), Map.of("auxLossAlpha", 0.5));
        Report none = report("weak-to-strong", List.of(run), List.of());
        Report unjudged = report("weak-to-strong", List.of(run),
                List.of(claim(1, null, ReviewVerdict.INCONCLUSIVE, null, null),
                        claim(2, "auxLossAlpha 0 → 0.5", ReviewVerdict.REJECTED, 0.1, List.of(0.1)),
                        claim(3, "auxLossAlpha 0 → 0.9", ReviewVerdict.REJECTED, Double.NaN, List.of(0.0, 1.0))));
        for (Report report : List.of(none, unjudged)) {
            assertThat(plots.available(report)).doesNotContain(ReportPlots.FOREST).isNotEmpty();
            assertThat(plots.render(report, ReportPlots.FOREST)).isEmpty();
            assertThat(new MarkdownReport(plots).render(report)).doesNotContain("forest");
        }
    }

    @Test
    void theHtmlReportCarriesEveryPlotInItself() throws Exception {
        Report.ActionEntry run = run(Map.of("pgr", 0.7), Map.of("auxLossAlpha", 0.5));
        Report report = report("weak-to-strong", List.of(run, run(Map.of("pgr", 0.4), Map.of("auxLossAlpha", 0.0))),
                List.of(claim(1, "auxLossAlpha 0 → 0.5", ReviewVerdict.ACCEPTED, 0.3, List.of(0.1, 0.5))));

        String html = new HtmlReport(plots).render(report);
        assertThat(html).doesNotContain("/report/plots/");
        List<byte[]> images = embeddedImages(html);
        assertThat(images).hasSize(3).hasSameSizeAs(plots.available(report));
        for (byte[] png : images) {
            assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(800);
        }
        assertThat(html).contains("alt=\"forest\"", "alt=\"metric-vs-parameter\"", "alt=\"pgr-by-configuration\"");
        assertOnlyOwnMarkup(html);
        // The page's policy lets it show those images and load nothing else.
        assertThat(ReportResource.HTML_POLICY).contains("img-src data:;").doesNotContain("'self'", "http");
    }

    @Test
    void eachFactorsDoseResponseIsInTheHtmlAndLinkedFromTheMarkdown() throws Exception {
        Report report = SweepReport.report();

        String html = new HtmlReport(plots).render(report);
        List<byte[]> images = embeddedImages(html);
        assertThat(images).hasSameSizeAs(plots.available(report));
        assertThat(html).contains("alt=\"dose-response-auxLossAlpha\"", "alt=\"dose-response-noise\"")
                .doesNotContain("dose-response-nonlinearity");
        byte[] doseResponse = images.get(plots.available(report).indexOf("dose-response-auxLossAlpha"));
        assertThat(Arrays.copyOf(doseResponse, 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(pixelsOf(doseResponse, DoseResponsePlot.BASELINE.getRGB())).as("the baseline's marks")
                .isGreaterThan(200);
        assertOnlyOwnMarkup(html);

        String md = new MarkdownReport(plots).render(report);
        assertThat(md).contains("![dose-response-auxLossAlpha](/api/goals/" + SweepReport.GOAL
                + "/report/plots/dose-response-auxLossAlpha.png)");
    }

    @Test
    void aHostileQuestionAndHypothesisAreEscapedInTheHtml() {
        // Lower case, since the report lower-cases an agent's name.
        String hostile = "q & a <script>alert(1)</script> \"><img src=x onerror=alert(2)> '><b>";
        UUID id = UUID.randomUUID();
        Report.ActionEntry action = new Report.ActionEntry(id, "trace " + hostile,
                new Report.ProposalEntry(1, "IDEATION " + hostile, "RUN_EXPERIMENT", "policy " + hostile,
                        "hypothesis " + hostile, Map.of("param " + hostile, "value " + hostile), "VALIDATION", null),
                new Report.VerdictEntry(Decision.ALLOW, 0.1, "p", 3, "h"),
                new Report.AuditEntry("http://monitor/api/audit/records?actionId=" + id, 3L, "h"),
                new Report.ResultEntry(ExperimentStatus.SUCCEEDED, Map.of("metric " + hostile, 0.5), 1000, null, "t",
                        1.0),
                null);
        Report.ClaimEntry claim = new Report.ClaimEntry(1, id, 1, "change " + hostile, ReviewVerdict.ACCEPTED, 0.9,
                0.3, List.of(0.1, 0.5), 0.01, 0.02, "rationale " + hostile, List.of("flag " + hostile), List.of(),
                List.of());
        Report report = report("question " + hostile, "ended " + hostile, "family " + hostile, List.of(action),
                List.of(claim));

        String html = new HtmlReport(plots).render(report);
        String escaped = "q &amp; a &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"
                + " &#39;&gt;&lt;b&gt;";
        for (String what : List.of("question", "ended", "family", "change", "rationale", "flag", "metric",
                "ideation", "policy", "trace")) {
            assertThat(html).as(what).contains(what + " " + escaped);
        }
        // The HTML shows no hypothesis or parameter (the JSON has them); the markup check holds any that it shows.
        assertThat(html).doesNotContain("<script", "<img src=x", "<b>", "hypothesis", "param ", "value ");
        assertOnlyOwnMarkup(html);
    }

    @Test
    void aWithdrawnClaimSaysSoAndMarksTheResultThatDidNotReproduce() {
        Report.ActionEntry run = run(Map.of("pgr", 0.7), Map.of("auxLossAlpha", 0.5));
        Report.Provenance quarantined = new Report.Provenance(run.actionId(), "IDEATION", "VALIDATION",
                ExperimentStatus.SUCCEEDED, run.audit().records(), 7L, "a".repeat(64), "trace-1", true);
        Report.Provenance honest = new Report.Provenance(UUID.randomUUID(), "REVIEW", "HELDOUT",
                ExperimentStatus.SUCCEEDED, run.audit().records(), 8L, "b".repeat(64), "trace-2", false);
        Report report = report("weak-to-strong", List.of(run), List.of(new Report.ClaimEntry(1, run.actionId(), 1,
                "auxLossAlpha 0 → 0.5", ReviewVerdict.REJECTED, 0.0, 0.3, List.of(0.1, 0.5), 0.01, 0.02,
                "Withdrawn: the result of action " + run.actionId() + " did not reproduce",
                List.of("result-quarantined"),
                List.of(quarantined, honest), List.of(run.actionId()))));

        String md = new MarkdownReport(plots).render(report);
        assertThat(md).contains("1. **REJECTED, withdrawn: a result it rests on failed the re-execution audit**")
                .contains("result SUCCEEDED (**quarantined** by the re-execution audit) → action `"
                        + run.actionId() + "`")
                .containsOnlyOnce("quarantined**");
        String html = new HtmlReport(plots).render(report);
        assertThat(html)
                .contains("<strong>REJECTED, withdrawn: a result it rests on failed the re-execution audit</strong>")
                .containsOnlyOnce("<strong>quarantined</strong> by the re-execution audit");
    }

    /** What a researcher, an agent or a reviewer might write to make a report run, load or link something. */
    static final String HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://evil/x.png)"
            + " | a | b | ``` <img src=x onerror=alert(1)> <http://evil/auto> www.evil.example"
            + " http://evil.example/bare **bold** &lt;b&gt; \\";
    /** The same on several lines, trying to open blocks of its own. */
    static final String MULTILINE = "first line\n\n# injected heading\n\n```\nfenced\n```\n| c | d |\n| --- | --- |\n"
            + "    indented code\n- item\n1. item\n> quote\n<div>block</div>\n" + HOSTILE;

    @Test
    void textTheReportDidNotWriteIsInertInMarkdownAndHtml() {
        String question = "Does it help? " + MULTILINE;
        UUID hostileId = UUID.randomUUID();
        Report.ActionEntry hostile = new Report.ActionEntry(hostileId, "t`|<b>",
                new Report.ProposalEntry(1, "IDEATION<b>", "RUN_EXPERIMENT", HOSTILE, MULTILINE, Map.of(HOSTILE, 1),
                        "VALIDATION|x", null),
                new Report.VerdictEntry(Decision.BLOCK, 0.9, "p", 3, "h"),
                new Report.AuditEntry("javascript:alert(2)", 3L, "h"),
                new Report.ResultEntry(ExperimentStatus.SUCCEEDED, Map.of("<b>m|x", 0.5), 1000, null, "t", 1.0), null);
        Report.ActionEntry safe = run(Map.of("<b>m|x", 0.7), Map.of("auxLossAlpha", 0.5));
        List<Report.ClaimEntry> claims = List.of(new Report.ClaimEntry(1, hostileId, 1, HOSTILE,
                ReviewVerdict.ACCEPTED, 0.9, 0.3, List.of(0.1, 0.5), 0.01, 0.02, MULTILINE,
                List.of("`x` | <b>", "```", "ok"),
                List.of(new Report.Provenance(hostileId, "IDEATION<i>", "VALIDATION](javascript:x)",
                        ExperimentStatus.SUCCEEDED, "javascript:alert(3)", 7L, "h", "tr`ace|x", false),
                        new Report.Provenance(safe.actionId(), "IDEATION", "VALIDATION", ExperimentStatus.SUCCEEDED,
                                safe.audit().records(), 8L, "h", "trace-1", true)),
                List.of(safe.actionId())));
        Report report = report(question, "cancelled by " + HOSTILE, "no-such-family", List.of(hostile, safe), claims);

        String md = new MarkdownReport(plots).render(report);
        Node document = Parser.builder().build().parse(md);
        List<String> headings = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                throw new AssertionError("raw HTML in the Markdown: " + html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                throw new AssertionError("raw HTML block in the Markdown: " + html.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock code) {
                throw new AssertionError("a code block in the Markdown: " + code.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                throw new AssertionError("a code block in the Markdown: " + code.getLiteral());
            }

            @Override
            public void visit(BlockQuote quote) {
                throw new AssertionError("a block quote in the Markdown");
            }

            @Override
            public void visit(Emphasis emphasis) {
                throw new AssertionError("emphasis the report did not write");
            }

            @Override
            public void visit(StrongEmphasis strong) {
                // The report's own: the outcome, the verdict, and its words for a withdrawn claim's result.
                assertThat(((Text) strong.getFirstChild()).getLiteral()).isIn("COMPLETED", "ACCEPTED",
                        "ACCEPTED, withdrawn: a result it rests on failed the re-execution audit", "quarantined");
            }

            @Override
            public void visit(Link link) {
                assertThat(link.getDestination()).startsWith("http://monitor/api/audit/records?actionId=");
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                assertThat(image.getDestination()).startsWith("/api/goals/" + GOAL + "/report/plots/");
                visitChildren(image);
            }

            @Override
            public void visit(Heading heading) {
                StringBuilder title = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        title.append(t.getLiteral());
                    }
                });
                headings.add(title.toString());
                visitChildren(heading);
            }

            @Override
            public void visit(Code code) {
                codes.add(code.getLiteral());
            }

            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        // The question shows as written, on one line, and is the only heading the report did not write.
        assertThat(headings).containsExactly(question.replace('\n', ' ').strip(), "Findings, ranked", "Plots",
                "Actions");
        assertThat(text).contains("<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://evil/x.png)",
                "cancelled by <script>", "changing <script>", "# injected heading", "ideation<i>",
                "&lt;b&gt; \\");
        assertThat(codes).contains("`x` | <b>", "```", "ok", "tr`ace|x");
        // Two own links survive (the safe audit records); the javascript: ones are plain text.
        assertThat(md).contains("[audit records](" + safe.audit().records() + ")",
                "[records](" + safe.audit().records() + ")");
        // Every row of the actions table has its ten cells, whatever the policy, agent, metric or trace held.
        List<String> rows = md.lines().dropWhile(line -> !line.equals("## Actions")).filter(l -> l.startsWith("|"))
                .toList();
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(unescapedPipes(row)).as(row).isEqualTo(11));

        String html = new HtmlReport(plots).render(report);
        assertThat(html).doesNotContain("<script", "<img src=x", "javascript:alert(1)\"", "href=\"javascript",
                "<div>", "<b>", "<i>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "ideation&lt;b&gt;", "&lt;b&gt;m|x",
                        "audit records (javascript:alert(3))")
                .contains("<a href=\"" + safe.audit().records() + "\">audit records</a>");
        assertThat(html.split("<a href=", -1)).hasSize(3);
        assertOnlyOwnMarkup(html);
    }

    /** The tags and attributes the HTML report writes itself; text it did not write can add none. */
    private static final Set<String> OWN_TAGS = Set.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body",
            "h1", "h2", "p", "code", "strong", "table", "tr", "th", "td", "ol", "ul", "li", "a", "figure", "img",
            "figcaption");
    private static final Set<String> OWN_ATTRIBUTES = Set.of("lang", "charset", "class", "href", "src", "alt");
    private static final Pattern TAG = Pattern.compile("<(/?)([^\\s>/]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([^\\s=]+)=\"([^\"]*)\"");
    private static final Pattern NOT_AN_ENTITY = Pattern.compile("&(?!(lt|gt|amp|quot|#39);)");
    private static final Pattern DATA_PNG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]*)\"");

    /**
     * Every {@code <} opens a tag the report writes, with only its attributes, each quoted (so nothing the text said
     * became an element, an event handler or an attribute), every image is embedded, and every {@code &} is an
     * entity.
     */
    private static void assertOnlyOwnMarkup(String html) {
        Matcher tag = TAG.matcher(html);
        int tags = 0;
        while (tag.find()) {
            tags++;
            assertThat(tag.group(2)).as(tag.group()).isIn(OWN_TAGS);
            if (tag.group(2).equals("!DOCTYPE")) {
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                assertThat(attribute.group(1)).as(tag.group()).isIn(OWN_ATTRIBUTES);
                if (attribute.group(1).equals("src")) {
                    assertThat(attribute.group(2)).startsWith("data:image/png;base64,");
                }
            }
            assertThat(ATTRIBUTE.matcher(tag.group(3)).replaceAll("")).as(tag.group()).isBlank();
        }
        assertThat(html.chars().filter(c -> c == '<').count()).isEqualTo(tags);
        assertThat(NOT_AN_ENTITY.matcher(html).find()).as("a bare & in the HTML").isFalse();
    }

    private static List<byte[]> embeddedImages(String html) {
        List<byte[]> images = new ArrayList<>();
        Matcher image = DATA_PNG.matcher(html);
        while (image.find()) {
            images.add(Base64.getDecoder().decode(image.group(1)));
        }
        return images;
    }

    /** Each category label as JFreeChart lays it out to draw the plot, line by line: a cut label ends in "...". */
    private List<List<String>> categoryLabels(Report report, String plot) {
        JFreeChart chart = plots.chart(report, plot);
        int height = plots.height(report, plot);
        Graphics2D g2 = new BufferedImage(800, height, BufferedImage.TYPE_INT_RGB).createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 800, height), info);
        CategoryPlot category = chart.getCategoryPlot();
        List<?> ticks = category.getDomainAxis().refreshTicks(g2, new AxisState(), info.getPlotInfo().getDataArea(),
                category.getDomainAxisEdge());
        return ticks.stream().map(tick -> ((List<?>) ((CategoryTick) tick).getLabel().getLines()).stream()
                .map(line -> ((TextLine) line).getFirstTextFragment().getText()).toList()).toList();
    }

    private static long unescapedPipes(String row) {
        long pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes;
    }

    private static Report report(String family, List<Report.ActionEntry> actions, List<Report.ClaimEntry> claims) {
        return report("Does it help?", "budget.rounds: 1 of 1 spent", family, actions, claims);
    }

    private static Report report(String question, String endReason, String family, List<Report.ActionEntry> actions,
            List<Report.ClaimEntry> claims) {
        GoalResponse goal = new GoalResponse(GOAL, "researcher-1", question, family, List.of(),
                GoalStatus.COMPLETED, 1,
                new Budget(4, 900, 1, 1200), Instant.EPOCH, Instant.EPOCH.plusSeconds(60), actions.size(),
                new Spending(actions.size(), 40, 1, 60), null, endReason, null);
        List<String> findings = new ArrayList<>(claims.stream().map(c -> c.verdict() + " for claim " + c.claimId())
                .toList());
        actions.stream().filter(a -> a.verdict() != null && a.verdict().decision() != Decision.ALLOW)
                .forEach(a -> findings.add("action " + a.actionId() + " was not run as proposed: the monitor decided "
                        + a.verdict().decision() + " " + a.proposal().policy()));
        return new Report(goal, GoalStatus.COMPLETED, Instant.EPOCH, actions, claims, findings);
    }

    private static Report.ClaimEntry claim(int rank, String change, ReviewVerdict verdict, Double effect,
            List<Double> interval) {
        return new Report.ClaimEntry(rank, UUID.randomUUID(), 1, change, verdict, 0.5, effect, interval, 0.01, 0.02,
                "judged", List.of(), List.of(), List.of());
    }

    private static Report.ActionEntry run(Map<String, Double> metrics, Map<String, Object> params) {
        UUID id = UUID.randomUUID();
        return new Report.ActionEntry(id, "trace-1",
                new Report.ProposalEntry(1, "IDEATION", "RUN_EXPERIMENT", "search/latin-hypercube", "h", params,
                        "VALIDATION", null),
                null, new Report.AuditEntry("http://monitor/api/audit/records?actionId=" + id, 7L, "a".repeat(64)),
                new Report.ResultEntry(ExperimentStatus.SUCCEEDED, metrics, 1000, null, "trace-1", 20.0), null);
    }

    /** The longest unbroken run of the colour along any row: a horizontal bar's length. */
    private static int longestRowRunOf(byte[] png, int rgb) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int longest = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                run = (image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF) ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    /** The most pixels of the colour in any one column: a vertical line's length. */
    private static int tallestColumnOf(byte[] png, int rgb) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int tallest = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int column = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
                    column++;
                }
            }
            tallest = Math.max(tallest, column);
        }
        return tallest;
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
