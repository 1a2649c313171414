package org.alignlab.orchestrator.goal;

import io.opentelemetry.api.trace.Span;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.stream.Collectors;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.security.Roles;
import org.alignlab.orchestrator.problem.ProblemException;

/** The researcher's API for goals: researchers create them; reviewers and operators may read them too. */
@Path("/api/goals")
@Produces(MediaType.APPLICATION_JSON)
public class GoalResource {

    private final GoalService goals;
    private final RoundPublisher rounds;
    private final GoalMetrics metrics;

    GoalResource(GoalService goals, RoundPublisher rounds, GoalMetrics metrics) {
        this.goals = goals;
        this.rounds = rounds;
        this.metrics = metrics;
    }

    /**
     * Stores the goal, then requests its first round. Publishing happens after the commit, so ideation never
     * hears of a goal that is not stored, and inside this request, so the round joins the request's trace.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    public Response create(@Valid @NotNull CreateGoalRequest body, @Context UriInfo uri) {
        Goal goal = goals.create(body);
        Span.current().setAttribute(SpanAttributes.GOAL_ID, goal.id().toString());
        rounds.publish(goal.firstRound());
        metrics.goalCreated();
        return Response.created(uri.getAbsolutePathBuilder().path(goal.id().toString()).build())
                .entity(GoalResponse.of(goal, 0))
                .build();
    }

    /** Newest first, at most 100; {@code ?status=} narrows to one status. */
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

    private static GoalStatus parseStatus(String raw) {
        try {
            return GoalStatus.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.stream(GoalStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
