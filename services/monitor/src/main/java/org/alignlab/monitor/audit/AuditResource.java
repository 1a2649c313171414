package org.alignlab.monitor.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.audit.AuditReport;
import org.alignlab.contracts.security.Roles;
import org.alignlab.monitor.http.BadParameterException;
import org.alignlab.monitor.http.QueryParams;
import org.jboss.resteasy.reactive.RestQuery;

/** The reviewer's view of the audit log. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final String EXECUTION_PREFIX = "EXECUTION_";

    @Inject
    AuditVerification verification;
    @Inject
    AuditRecordRepository records;

    /** Walks the whole chain against the signed checkpoints and names the first broken record, if any. */
    @GET
    @Path("/verify")
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR})
    public AuditReport verify() {
        return verification.verify(AuditLog.MAIN);
    }

    /**
     * The records about an action or a goal (both given: about both), in chain order. For a goal this is its full
     * timeline: proposals, verdicts, human decisions and what the executor reported.
     */
    @GET
    @Path("/records")
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR})
    @Transactional
    public List<AuditRecordResponse> records(@RestQuery String actionId, @RestQuery String goalId) {
        UUID action = QueryParams.optionalUuid("actionId", actionId);
        UUID goal = QueryParams.optionalUuid("goalId", goalId);
        if (action == null && goal == null) {
            throw new BadParameterException("actionId", "give actionId or goalId");
        }
        return records.about(action, goal).stream().map(AuditRecordResponse::of).toList();
    }

    /**
     * The execution records of an action ({@code EXECUTION_*}), in chain order: before running an action it has no
     * record of, the executor checks here that it never started, so deleting its own rows cannot buy a second run.
     */
    @GET
    @Path("/executions/{actionId}")
    @RolesAllowed({Roles.SERVICE, Roles.REVIEWER, Roles.OPERATOR})
    @Transactional
    public List<AuditRecordResponse> executions(@PathParam("actionId") String actionId) {
        UUID action = QueryParams.optionalUuid("actionId", actionId);
        return records.about(action, null).stream().filter(record -> record.type().startsWith(EXECUTION_PREFIX))
                .map(AuditRecordResponse::of).toList();
    }

    /** One record of the main chain; the executor checks a ticket's audit seq and hash against it. */
    @GET
    @Path("/records/{seq}")
    @RolesAllowed({Roles.SERVICE, Roles.REVIEWER, Roles.OPERATOR})
    @Transactional
    public AuditRecordResponse record(@PathParam("seq") long seq) {
        return records.findByIdOptional(AuditRecord.Key.of(AuditLog.MAIN, seq)).map(AuditRecordResponse::of)
                .orElseThrow(() -> new NotFoundException("no audit record with seq " + seq));
    }
}
