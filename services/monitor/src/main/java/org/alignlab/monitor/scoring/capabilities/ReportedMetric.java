package org.alignlab.monitor.scoring.capabilities;

/**
 * One {@code ctx.report(name, value)} call of a script.
 *
 * @param line 1-based line of the call
 * @param name     the metric's name as far as the analysis can read it ({@code …} for each part it cannot)
 * @param measured whether its value depends on something measured: drawn values through a comparison, an
 *                 accumulation or a library computation, or the host
 */
public record ReportedMetric(long line, String name, boolean measured) {
}
