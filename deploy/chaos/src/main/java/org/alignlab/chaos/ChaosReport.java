package org.alignlab.chaos;

/** The printed account of a chaos run: the seed, the schedule as played, the load and each invariant's counts. */
final class ChaosReport {

    private ChaosReport() {
    }

    static String text(ChaosRun.Result r) {
        StringBuilder text = new StringBuilder("\n=== chaos run, seed ").append(r.plan().seed()).append(" ===\n");
        text.append(r.plan().describe()).append('\n');
        text.append("faults played (").append(r.faults().size()).append(" of ").append(r.schedule().faults().size())
                .append("):\n");
        for (FaultInjector.Played p : r.faults()) {
            text.append("  ").append(p.fault()).append("  pids ").append(p.pids()).append(", back in ")
                    .append(p.restartTook().toSeconds()).append(" s")
                    .append(p.error() == null ? "" : ", ERROR " + p.error()).append('\n');
        }
        text.append("actions sent: ").append(r.sent()).append("; reviewer approved ").append(r.approved())
                .append(", denied ").append(r.denied()).append("; garbage records injected: ").append(r.garbage())
                .append('\n');
        text.append("invariants:\n");
        for (Invariant invariant : r.invariants()) {
            text.append("  ").append(invariant.describe().replace("\n", "\n  ")).append('\n');
        }
        long violations = r.invariants().stream().mapToLong(i -> i.violations().size()).sum();
        text.append("violations: ").append(violations).append("; took ").append(r.took().toSeconds()).append(" s\n");
        text.append(r.passed() ? "CHAOS RUN PASSED\n" : "CHAOS RUN FAILED\n");
        return text.toString();
    }
}
