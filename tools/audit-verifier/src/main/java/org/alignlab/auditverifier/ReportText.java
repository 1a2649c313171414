package org.alignlab.auditverifier;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.audit.AuditReport;
import org.alignlab.contracts.audit.ChainVerification;
import org.alignlab.contracts.audit.CheckpointProblem;

/** The human summary of a report: what was walked, what vouches for it, each problem, and the verdict last. */
final class ReportText {

    private ReportText() {
    }

    /**
     * @param checkpointsRead whether any checkpoint source was read; without one the walk cannot catch a chain cut
     *                        short or rewritten by a holder of the monitor's key, and the summary says so
     */
    static List<String> lines(AuditReport report, boolean checkpointsRead) {
        ChainVerification chain = report.chain();
        List<String> lines = new ArrayList<>();
        lines.add("chain " + chain.chain() + ": " + chain.records() + " records, head seq " + chain.headSeq()
                + " hash " + chain.headHash());
        lines.add(checkpointLine(report, checkpointsRead));
        if (report.newestCheckpointAt() != null) {
            lines.add("newest checkpoint: " + report.newestCheckpoint() + " of the history, signed "
                    + report.newestCheckpointAt() + " (" + report.newestCheckpointAgeSeconds() + " s ago)");
        }
        if (chain.firstBroken() != null) {
            lines.add("BROKEN at seq " + chain.firstBroken().seq() + ": " + chain.firstBroken().reason());
        }
        for (CheckpointProblem problem : report.checkpointProblems()) {
            lines.add((problem.seq() == 0 ? "CHECKPOINT HISTORY: " : "CHECKPOINT at seq " + problem.seq() + ": ")
                    + problem.reason());
        }
        lines.add(report.verified() ? "VERIFIED" : "NOT VERIFIED");
        return lines;
    }

    private static String checkpointLine(AuditReport report, boolean checkpointsRead) {
        if (!checkpointsRead) {
            return "no checkpoints read (--kafka or --checkpoints): a chain cut short, or rewritten by a holder of "
                    + "the monitor's key, would pass";
        }
        String checked = report.checkpointsChecked()
                + (report.checkpointsChecked() == 1 ? " checkpoint" : " checkpoints")
                + " checked";
        if (report.coveredSeq() == 0) {
            return checked + "; none matches a record";
        }
        return checked + "; the latest that matches is at seq " + report.coveredSeq();
    }
}
