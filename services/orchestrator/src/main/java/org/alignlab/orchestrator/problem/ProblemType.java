package org.alignlab.orchestrator.problem;

import jakarta.ws.rs.core.Response;

/** The stable problem types this service answers with; clients switch on {@link #uri()}, never on titles. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "Invalid request", Response.Status.BAD_REQUEST),
    NOT_FOUND("not-found", "Not found", Response.Status.NOT_FOUND),
    REPORT_NOT_READY("report-not-ready", "Report not ready", Response.Status.NOT_FOUND),
    /** Unmatched route, method or media type; the document carries the actual status. */
    HTTP_ERROR("http-error", "HTTP error", Response.Status.BAD_REQUEST),
    INTERNAL("internal-error", "Internal error", Response.Status.INTERNAL_SERVER_ERROR);

    private static final String BASE = "https://alignlab.org/problems/";

    private final String slug;
    private final String title;
    private final Response.Status status;

    ProblemType(String slug, String title, Response.Status status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status.getStatusCode();
    }
}
