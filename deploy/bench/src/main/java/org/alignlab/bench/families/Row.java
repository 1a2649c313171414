package org.alignlab.bench.families;

import java.util.Locale;

/**
 * One family's figures.
 *
 * @param inProcess      seconds per seed in the harness's JVM
 * @param inSandbox      seconds per seed inside the sandboxed runner, as it logs them
 * @param fastStart      whether the sandboxed runner started fast (class-data archive) or plainly
 * @param sandboxWall    the sandboxed run's wall time, start of bubblewrap to exit
 */
record Row(String family, boolean fastStart, Stats inProcess, Stats inSandbox, double sandboxWall) {

    static String startName(boolean fastStart) {
        return fastStart ? "fast" : "plain";
    }

    /** Everything in the sandboxed run that is not a seed's own work: sandbox, JVM and engine start, output. */
    double overheadSeconds() {
        return sandboxWall - inSandbox.sum();
    }

    double overheadShare() {
        return overheadSeconds() / sandboxWall;
    }

    String markdown() {
        return String.format(Locale.ROOT, "| %s | %s | %.2f ± %.2f | %.2f ± %.2f | %.1f | %.2f | %.1f %% |", family,
                startName(fastStart), inProcess.mean(), inProcess.sd(), inSandbox.mean(), inSandbox.sd(), sandboxWall,
                overheadSeconds(),
                100 * overheadShare());
    }
}
