package org.alignlab.monitor.holds;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.alignlab.contracts.security.Roles;

/** A reviewer's view of any action the gate decided, held or not. */
@Path("/api/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

    @Inject
    ActionDetails details;

    /** The action, its verdict and what it was decided from, its trace id, its hold and its audit timeline. */
    @GET
    @Path("/{actionId}")
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR})
    public ActionDetailResponse detail(@PathParam("actionId") String actionId) {
        UUID id = ReviewParams.requiredUuid("actionId", actionId);
        return details.of(id).orElseThrow(() -> new NotFoundException("no decided action " + id));
    }
}
