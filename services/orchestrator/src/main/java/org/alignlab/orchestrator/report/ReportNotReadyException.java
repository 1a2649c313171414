package org.alignlab.orchestrator.report;

import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/** The goal is still running, so it has no report yet: 404 with a type of its own, unlike an unknown goal. */
public class ReportNotReadyException extends ProblemException {

    static final String REPORT_NOT_READY = Problem.TYPE_BASE + "report-not-ready";

    public ReportNotReadyException() {
        super(new Problem(REPORT_NOT_READY, "Report not ready", 404, "report not ready", null));
    }
}
