package org.alignlab.orchestrator.problem;

import jakarta.ws.rs.core.Response;
import org.alignlab.contracts.problem.Problem;

/** The stable problem types this service answers with; clients switch on {@link #uri()}, never on titles. */
public enum ProblemType {
    INVALID_REQUEST(Problem.INVALID_REQUEST, "Invalid request", Response.Status.BAD_REQUEST),
    NOT_FOUND(Problem.NOT_FOUND, "Not found", Response.Status.NOT_FOUND),
    /** The goal has already ended (cancelling it again, for one). */
    GOAL_ENDED(Problem.TYPE_BASE + "goal-ended", "Goal already ended", Response.Status.CONFLICT),
    REPORT_NOT_READY(Problem.TYPE_BASE + "report-not-ready", "Report not ready", Response.Status.NOT_FOUND),
    /** Unmatched route, method or media type; the document carries the actual status. */
    HTTP_ERROR(Problem.HTTP_ERROR, "HTTP error", Response.Status.BAD_REQUEST),
    INTERNAL(Problem.INTERNAL_ERROR, "Internal error", Response.Status.INTERNAL_SERVER_ERROR);

    private final String uri;
    private final String title;
    private final Response.Status status;

    ProblemType(String uri, String title, Response.Status status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status.getStatusCode();
    }
}
