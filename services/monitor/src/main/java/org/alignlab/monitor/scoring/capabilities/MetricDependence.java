package org.alignlab.monitor.scoring.capabilities;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What each metric a script reports depends on: a dependence (taint) analysis over javac's attributed tree, the one
 * the capability analysis reads. A value depends on the run's seed when it is computed, through any chain of
 * assignments, arithmetic, arrays, collections, calls and the script's own methods, from {@code ctx.seed()},
 * {@code ctx.random()} or a generator constructed from them, and it is <em>measured</em> when what was drawn went
 * through something that measures: a comparison (a count, an accuracy, a selection), an update in a loop that
 * accumulates draws (a sum, a running estimate), a draw used as an index (resampling), or any library computation
 * over drawn values (a sort, a stream, a tensor operation). Control dependence counts: a variable changed under a
 * condition on drawn values depends on them.
 *
 * <p>Flow-insensitive and context-insensitive: each variable (local, parameter, field, lambda parameter) and each of the
 * script's own methods' results has one set of dependences, the union over the whole script, computed to a fixed
 * point. A container (array, list, map, builder) is one variable: whatever is stored in it is in everything read from
 * it. That over-approximates dependence, so a metric reported as not measured has, on every path, no measured input.
 *
 * <p>The report calls that are not measurements ({@link MetricFinding.Kind}): computed from constants and params
 * alone; a quantity computed without the seed plus noise drawn for the occasion (the only link to the seed is that
 * noise); computed from the seed's number itself. Echoes of a constant, a param or the seed (no arithmetic) are
 * configuration, not claims, and pass. A value that reads the host (a timing, a memory size) is a measurement of the
 * host and is left to the capability rules. Names and values that carry text from outside the script (the host, the
 * JVM, files, params hashed into numbers) are reported as data carried in metrics.
 *
 * <p>The parts: {@link Dependence}, what a value depends on; {@link Dependences}, what each variable and result depends
 * on so far; {@link ExpressionDependence}, what an expression's value depends on; {@link ControlDependence}, what code
 * runs under; {@link DependencePropagation}, a round of the fixed point; {@link ReportCollector}, the findings.
 */
final class MetricDependence {

    /**
     * Rounds of propagation at most, which bounds the time the gate spends on a script; the report calls are then read
     * with the dependences as far as they got.
     */
    private static final int MAX_ROUNDS = 30;

    /** What the analysis found: every report call, and those that are not measurements. */
    record Result(List<ReportedMetric> metrics, List<MetricFinding> findings) {
    }

    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final CompilationUnitTree unit;
    private final ApiPolicy policy;
    private final ValueTracer tracer;

    MetricDependence(Trees trees, Elements elements, Types types, CompilationUnitTree unit, ApiPolicy policy,
            ValueTracer tracer) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.unit = unit;
        this.policy = policy;
        this.tracer = tracer;
    }

    Result analyse() {
        ScriptElements script = new ScriptElements(trees);
        Dependences dependences = new Dependences();
        ExpressionDependence expressions = new ExpressionDependence(trees, elements, policy, script, dependences);
        DependencePropagation propagation = new DependencePropagation(trees, types, script, expressions,
                dependences);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (!propagation.round(unit)) {
                break;
            }
        }
        return new ReportCollector(trees, unit, tracer, expressions).collect();
    }
}
