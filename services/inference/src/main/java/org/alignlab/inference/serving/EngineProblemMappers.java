package org.alignlab.inference.serving;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.inference.engine.ModelBusyException;
import org.alignlab.platform.http.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problem documents for the engine library's failures: {@code libs/inference-engine} knows nothing of HTTP or the
 * platform, so its exceptions are mapped here. Every other error is the platform's {@link ProblemMappers}, or this
 * service's own {@code ProblemException}s.
 */
public class EngineProblemMappers {

    /** Every predictor of the model is busy, or the answer took longer than the request timeout; retry shortly. */
    static final String MODEL_BUSY = Problem.TYPE_BASE + "model-busy";
    /** How long a caller waits before asking a busy model (or a full queue) again. */
    static final String RETRY_BUSY_SECONDS = "1";

    @ServerExceptionMapper
    public Response modelBusy(ModelBusyException e) {
        return Response.fromResponse(ProblemMappers.respond(new Problem(MODEL_BUSY, "Model busy", 503,
                e.getMessage(), null))).header(HttpHeaders.RETRY_AFTER, RETRY_BUSY_SECONDS).build();
    }
}
