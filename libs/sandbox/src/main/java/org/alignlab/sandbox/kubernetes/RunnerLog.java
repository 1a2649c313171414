package org.alignlab.sandbox.kubernetes;

import java.nio.charset.StandardCharsets;

/**
 * The pod log: the runner's own output, then its RunnerOutput between two marker lines that the container's
 * script prints after the runner has exited. The last BEGIN marker counts, so a workload that prints markers of
 * its own cannot hide the real output behind them.
 */
record RunnerLog(String log, String output, String outputProblem) {

    static final String BEGIN = "===ALIGNLAB-RUNNER-OUTPUT-BEGIN===";
    static final String END = "===ALIGNLAB-RUNNER-OUTPUT-END===";

    static RunnerLog parse(String podLog, int maxOutputBytes) {
        int begin = podLog.lastIndexOf(BEGIN);
        if (begin < 0) {
            return new RunnerLog(podLog, null, "the pod log holds no runner output (no out.json was written)");
        }
        String before = podLog.substring(0, begin);
        int start = begin + BEGIN.length();
        int end = podLog.indexOf(END, start);
        if (end < 0) {
            return new RunnerLog(before, null, "the runner output in the pod log is cut off (no end marker)");
        }
        String output = podLog.substring(start, end).strip();
        if (output.getBytes(StandardCharsets.UTF_8).length > maxOutputBytes) {
            return new RunnerLog(before, null, "out.json is larger than " + maxOutputBytes + " bytes");
        }
        return new RunnerLog(before, output, null);
    }
}
