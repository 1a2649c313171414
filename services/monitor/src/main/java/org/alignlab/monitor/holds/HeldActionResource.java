package org.alignlab.monitor.holds;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.contracts.security.Roles;
import org.alignlab.monitor.gate.ActionRecord;
import org.alignlab.monitor.gate.ActionRecordRepository;
import org.alignlab.monitor.gate.StoredVerdict;
import org.alignlab.monitor.gate.VerdictRepository;
import org.alignlab.monitor.http.QueryParams;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The review queue: actions held for a human, and a reviewer's approval or denial of one. */
@Path("/api/held-actions")
@Produces(MediaType.APPLICATION_JSON)
public class HeldActionResource {

    static final String HOLD_CLOSED = Problem.TYPE_BASE + "hold-closed";
    static final String ANONYMOUS = "anonymous";

    @Inject
    HeldActionRepository holds;
    @Inject
    VerdictRepository verdicts;
    @Inject
    ActionRecordRepository actions;
    @Inject
    ReviewerDecisions decisions;

    /**
     * Holds in {@code status} (default HELD), oldest first, optionally of one goal and at least {@code olderThan}
     * (an ISO-8601 duration) old, each with the {@code contentHash} an approval of it quotes.
     */
    @GET
    @Transactional
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR})
    public List<HeldActionResponse> list(@RestQuery String goalId, @RestQuery String olderThan,
            @RestQuery String status, @RestQuery String limit) {
        UUID goal = QueryParams.optionalUuid("goalId", goalId);
        Duration age = ReviewParams.optionalAge("olderThan", olderThan);
        HeldAction.Status wanted = ReviewParams.status("status", status);
        int max = ReviewParams.limit("limit", limit);
        Instant now = Instant.now();
        List<HeldAction> found = holds.list(wanted, goal, age == null ? null : now.minus(age), max);
        if (found.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = found.stream().map(HeldAction::actionId).toList();
        Map<UUID, Verdict> held = verdicts.list("actionId in ?1", ids).stream().map(StoredVerdict::verdict)
                .collect(Collectors.toMap(Verdict::actionId, Function.identity()));
        Map<UUID, String> contentHashes = actions.list("actionId in ?1", ids).stream()
                .collect(Collectors.toMap(ActionRecord::actionId, ActionRecord::contentHash));
        return found.stream().map(hold -> HeldActionResponse.of(hold, contentHashes.get(hold.actionId()),
                held.get(hold.actionId()), now)).toList();
    }

    /**
     * Approves (a signed ticket follows) or denies a held action, with a reason that goes into the audit log. An
     * approval quotes the {@code contentHash} the reviewer read and releases only that content. 409 when the hold
     * has already ended, or when the stored action no longer hashes to the approved hash or to its ACTION_PROPOSED
     * record (audited; the hold stays open). Reviewers only: an operator runs the platform but does not judge
     * actions.
     */
    @POST
    @Path("/{actionId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    public DecisionResponse decide(@PathParam("actionId") String actionId, DecisionRequest request,
            @Context SecurityContext security) {
        UUID id = ReviewParams.requiredUuid("actionId", actionId);
        ReviewerDecisions.Choice choice = ReviewParams.choice(request);
        String reason = ReviewParams.reason(request);
        String approvedHash = choice == ReviewerDecisions.Choice.APPROVE ? ReviewParams.approvedHash(request) : null;
        HoldResolver.Resolved resolved = decisions.decide(id, choice, approvedHash, reason, reviewer(security));
        return new DecisionResponse(resolved.verdict(), resolved.ticket().map(ExecutionTicket::ticketId).orElse(null));
    }

    @ServerExceptionMapper
    public Response holdClosed(ReviewerDecisions.HoldClosedException e) {
        return Response.status(Response.Status.CONFLICT).type(Problem.MEDIA_TYPE)
                .entity(new Problem(HOLD_CLOSED, "Hold already ended", 409, e.getMessage(), null)).build();
    }

    /**
     * {@code reviewer:<principal>} (the token's {@code upn}); {@code reviewer:anonymous} only for a caller with no
     * identity at all, which the role check above lets through only where security is switched off.
     */
    private static String reviewer(SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            return "reviewer:" + ANONYMOUS;
        }
        if (principal.getName() == null || principal.getName().isBlank()) {
            // A decision in the audit log must name who made it.
            throw new ForbiddenException("the caller's token names no one");
        }
        return "reviewer:" + principal.getName();
    }
}
