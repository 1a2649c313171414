package org.alignlab.orchestrator.goal;

import io.opentelemetry.api.trace.Span;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.security.Roles;
import org.alignlab.orchestrator.round.RoundService;
import org.alignlab.platform.http.ProblemException;

/**
 * The researcher's API for goals: researchers create, read and cancel their own; reviewers and operators may read
 * every goal.
 */
@Path("/api/goals")
@Produces(MediaType.APPLICATION_JSON)
public class GoalResource {

    @Inject
    GoalService goals;
    @Inject
    RoundService rounds;
    @Inject
    GoalMetrics metrics;
    @Inject
    GoalAccess access;

    /**
     * Stores the goal with its first round's request in the outbox: the relay sends it once the goal is committed
     * (ideation never hears of a goal that is not stored), continuing the request's trace.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    public Response create(@Valid @NotNull CreateGoalRequest body, @Context UriInfo uri) {
        GoalResponse goal = goals.create(body);
        Span.current().setAttribute(SpanAttributes.GOAL_ID, goal.id().toString());
        metrics.goalCreated();
        return Response.created(uri.getAbsolutePathBuilder().path(goal.id().toString()).build())
                .entity(goal)
                .build();
    }

    /** Newest first, at most 100, of the goals the caller may see; {@code ?status=} narrows to one status. */
    @GET
    @RolesAllowed({Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR})
    public List<GoalResponse> list(@QueryParam("status") String status) {
        return goals.list(status == null || status.isBlank() ? null : parseStatus(status));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR})
    public GoalResponse get(@PathParam("id") String id) {
        return goals.get(GoalIds.parse(id));
    }

    /**
     * Ends the caller's running goal CANCELLED: no further round is requested and its report holds what had arrived.
     * 404 for a goal that is not the caller's, as for an unknown one; 409 {@code goal-ended} when it has already
     * ended.
     */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.RESEARCHER)
    public GoalResponse cancel(@PathParam("id") String id) {
        UUID goalId = GoalIds.parse(id);
        rounds.cancel(goalId, access::requireOwner);
        return goals.get(goalId);
    }

    private static GoalStatus parseStatus(String raw) {
        try {
            return GoalStatus.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.stream(GoalStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
