package org.alignlab.orchestrator.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.security.Roles;
import org.alignlab.orchestrator.goal.GoalIds;
import org.alignlab.orchestrator.goal.GoalRepository;
import org.alignlab.orchestrator.goal.GoalService;
import org.alignlab.orchestrator.problem.ProblemException;
import org.alignlab.orchestrator.problem.ProblemType;

/** A goal's report, once the goal has ended. */
@Path("/api/goals/{id}/report")
public class ReportResource {

    private final GoalRepository goals;
    private final ReportService reports;

    ReportResource(GoalRepository goals, ReportService reports) {
        this.goals = goals;
        this.reports = reports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR})
    public String get(@PathParam("id") String rawId) {
        UUID id = GoalIds.parse(rawId);
        if (goals.findByIdOptional(id).isEmpty()) {
            throw GoalService.notFound(id);
        }
        return reports.find(id).orElseThrow(
                () -> new ProblemException(ProblemType.REPORT_NOT_READY, "report not ready", List.of()));
    }
}
