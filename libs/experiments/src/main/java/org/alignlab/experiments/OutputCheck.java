package org.alignlab.experiments;

import java.util.Map;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.runner.RunnerOutput;

/**
 * The rules of {@code RunnerOutput.schema.json} that a family's metrics can break, written out by hand so the runner
 * names the culprit (exit 1) instead of writing an {@code out.json} that the executor refuses. The executor's
 * {@code RunnerOutputReader} still checks every {@code out.json} against the schema itself: a script runs in the
 * runner's JVM and could write anything, so this is a courtesy, not the guarantee. It replaced the runner's own
 * schema check, whose validator cost every run's start about 0.2 s (issue 16). {@code OutputCheckTest} holds it to the
 * schema.
 */
final class OutputCheck {

    static final int MAX_METRICS = 512;
    static final int MAX_NAME = 100;
    static final double MAX_MEASURE = 1e15;
    static final double MAX_STATISTIC = 1e18;
    private static final Pattern TEXT = Pattern.compile("^[^\\u0000-\\u001F\\u007F-\\u009F]*(?![\\s\\S])");

    private OutputCheck() {
    }

    /** One seed's metrics: at most 512, each named by 1–100 characters of text, each finite within ±1e15. */
    static void seedMetrics(int seed, Map<String, Double> metrics) {
        count("seed " + seed, metrics);
        metrics.forEach((name, value) -> {
            name("seed " + seed, name);
            // JSON has no NaN or infinity; failing here names the culprit instead of a schema error later.
            if (value == null || !Double.isFinite(value) || Math.abs(value) > MAX_MEASURE) {
                throw new IllegalStateException("seed " + seed + ": metric " + name + " is " + value
                        + (value != null && Double.isFinite(value) ? ", beyond ±1e15" : ""));
            }
        });
    }

    /** What the runner adds: the aggregates (a metric's name gains {@code _ci95_lo}) and the environment. */
    static void output(RunnerOutput output) {
        count("the aggregate", output.metrics());
        output.metrics().forEach((name, value) -> {
            name("the aggregate", name);
            if (value == null || !Double.isFinite(value) || Math.abs(value) > MAX_STATISTIC) {
                throw new IllegalStateException("the aggregate " + name + " is " + value + ", not within ±1e18");
            }
        });
        RunEnvironment environment = output.environment();
        text("codeVersion", environment.codeVersion(), 200);
        if (environment.djl() != null) {
            text("djl", environment.djl(), 100);
        }
        if (environment.pytorch() != null) {
            text("pytorch", environment.pytorch(), 100);
        }
    }

    private static void count(String where, Map<String, Double> metrics) {
        if (metrics.size() > MAX_METRICS) {
            throw new IllegalStateException(where + " has " + metrics.size() + " metrics, at most " + MAX_METRICS
                    + " allowed");
        }
    }

    private static void name(String where, String name) {
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_NAME || !TEXT.matcher(name).find()) {
            throw new IllegalStateException(where + ": metric name \"" + name + "\" is not 1 to " + MAX_NAME
                    + " characters without control characters");
        }
    }

    private static void text(String field, String value, int maxLength) {
        if (value == null || value.codePointCount(0, value.length()) > maxLength || !TEXT.matcher(value).find()) {
            throw new IllegalStateException("environment." + field + " \"" + value + "\" is not text of at most "
                    + maxLength + " characters");
        }
    }
}
