package org.alignlab.executor.reexecution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.security.Roles;

/**
 * Re-execution on request: a reviewer who doubts a result, or an operator, has its run repeated in a fresh sandbox
 * and reads how it compared.
 */
@Path("/api/reexecutions/{actionId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.OPERATOR})
public class ReexecutionResource {

    @Inject
    ReexecutionQueue queue;
    @Inject
    ReexecutionRepository reexecutions;

    /** Queues the action's run to be repeated; 202 with the queued re-execution. */
    @POST
    public Response request(@PathParam("actionId") UUID actionId) {
        Reexecution queued = queue.request(actionId).orElseThrow(() -> new NotFoundException(
                "the executor has no successful run of action " + actionId + " to repeat"));
        return Response.accepted(View.of(queued)).build();
    }

    @GET
    public View get(@PathParam("actionId") UUID actionId) {
        Reexecution row = reexecutions.findById(actionId);
        if (row == null) {
            throw new NotFoundException("action " + actionId + " has not been queued for re-execution");
        }
        return View.of(row);
    }

    /** A re-execution as the API shows it. */
    public record View(UUID actionId, UUID goalId, String reason, String status, Instant requestedAt,
            Instant finishedAt, String detail) {

        static View of(Reexecution row) {
            return new View(row.actionId, row.goalId, row.reason, row.status, row.requestedAt, row.finishedAt,
                    row.detail);
        }
    }
}
