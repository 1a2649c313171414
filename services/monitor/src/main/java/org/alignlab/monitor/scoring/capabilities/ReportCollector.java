package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.Dependence.COMPUTED;
import static org.alignlab.monitor.scoring.capabilities.Dependence.HOST;
import static org.alignlab.monitor.scoring.capabilities.Dependence.MEASURED;
import static org.alignlab.monitor.scoring.capabilities.Dependence.NONE;
import static org.alignlab.monitor.scoring.capabilities.Dependence.PARAM;
import static org.alignlab.monitor.scoring.capabilities.Dependence.RANDOM;
import static org.alignlab.monitor.scoring.capabilities.Dependence.SEED;
import static org.alignlab.monitor.scoring.capabilities.Dependence.SPLIT;
import static org.alignlab.monitor.scoring.capabilities.Dependence.TEXT;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.alignlab.monitor.scoring.capabilities.MetricFinding.Kind;

/**
 * Reads every {@code ctx.report(name, value)} once the dependences are known: each is a {@link ReportedMetric}, and a
 * {@link MetricFinding} where its value is not a measurement or its name or value carries data from outside the
 * script.
 */
final class ReportCollector extends TreePathScanner<Void, Void> {

    /** How many of the names a report call can take are shown: {@code loss_n0 | loss_n…}. */
    private static final int NAMES_SHOWN = 3;

    private final Trees trees;
    private final CompilationUnitTree unit;
    private final ValueTracer tracer;
    private final ExpressionDependence expressions;
    private final List<ReportedMetric> metrics = new ArrayList<>();
    private final List<MetricFinding> findings = new ArrayList<>();

    ReportCollector(Trees trees, CompilationUnitTree unit, ValueTracer tracer, ExpressionDependence expressions) {
        this.trees = trees;
        this.unit = unit;
        this.tracer = tracer;
        this.expressions = expressions;
    }

    MetricDependence.Result collect() {
        scan(unit, null);
        return new MetricDependence.Result(metrics, findings);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method
                && method.getSimpleName().contentEquals("report") && tree.getArguments().size() == 2
                && method.getEnclosingElement() instanceof TypeElement owner && ScriptElements.isContext(owner)) {
            report(tree);
        }
        return super.visitMethodInvocation(tree, unused);
    }

    private void report(MethodInvocationTree tree) {
        TreePath namePath = new TreePath(getCurrentPath(), tree.getArguments().get(0));
        long line = line(tree);
        String name = tracer.values(namePath).stream().limit(NAMES_SHOWN).map(Text::display)
                .collect(Collectors.joining(" | "));
        Dependence value = expressions.of(getCurrentPath(), tree.getArguments().get(1));
        metrics.add(new ReportedMetric(line, name, value.has(HOST) || value.has(MEASURED)));
        Dependence nameDependence = expressions.of(namePath);
        if (nameDependence.has(HOST) || nameDependence.has(TEXT)) {
            findings.add(new MetricFinding(Kind.NAME_CARRIES_DATA, line, name, "the name is built from what the"
                    + " script read outside its context (the host, the JVM, files); a metric's name is not data"));
        }
        valueFinding(value, line, name).ifPresent(findings::add);
    }

    /**
     * What is wrong with a reported value, if anything. A value measured from draws passes, and so does one that reads
     * the host (a timing, a memory size), a measurement of the host left to the capability rules; so do echoes of a
     * constant, a param or the seed (no arithmetic), which are configuration, not claims.
     */
    private static Optional<MetricFinding> valueFinding(Dependence value, long line, String name) {
        if (value.has(SPLIT) && !value.without(SPLIT).equals(NONE)) {
            return Optional.of(new MetricFinding(Kind.SPLIT_CONDITIONAL, line, name, "how the value is computed"
                    + " depends on which split the run is on (a condition or arithmetic on ctx.split()): a replication"
                    + " on another split would not measure the same thing"));
        }
        if (value.has(TEXT)) {
            return Optional.of(new MetricFinding(Kind.VALUE_ENCODES_TEXT, line, name, "the value is computed from"
                    + " the characters, bytes or hash of text from the host or the params, not from the experiment"));
        }
        if (value.has(HOST) || value.has(MEASURED)) {
            return Optional.empty();
        }
        if (value.has(RANDOM)) {
            return Optional.of(new MetricFinding(Kind.NOISE_ON_ASSERTED, line, name, "its only link to the seed is"
                    + " noise drawn and added to a quantity computed " + without(value)));
        }
        if (value.has(SEED) && value.has(COMPUTED)) {
            return Optional.of(new MetricFinding(Kind.CHOSEN_BY_SEED, line, name, "computed from the seed's number"
                    + " itself, not from anything drawn with it or measured"));
        }
        if (value.has(COMPUTED)) {
            return Optional.of(new MetricFinding(Kind.ASSERTED, line, name, "computed " + without(value)
                    + ": the same for every seed"));
        }
        return Optional.empty();
    }

    private static String without(Dependence value) {
        return value.has(PARAM) ? "from the params and constants alone" : "from constants alone";
    }

    private long line(MethodInvocationTree tree) {
        long position = trees.getSourcePositions().getStartPosition(unit, tree);
        return position < 0 ? 0 : unit.getLineMap().getLineNumber(position);
    }
}
