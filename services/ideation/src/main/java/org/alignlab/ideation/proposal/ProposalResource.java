package org.alignlab.ideation.proposal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.contracts.security.Roles;
import org.jboss.resteasy.reactive.RestQuery;

/** The actions ideation proposed for a goal, exactly as published, in round order. */
@Path("/api/proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    @Inject
    ProposalRepository repository;

    @GET
    @RolesAllowed({Roles.RESEARCHER, Roles.REVIEWER, Roles.OPERATOR})
    public List<AgentAction> byGoal(@RestQuery String goalId) {
        return repository.findByGoal(InvalidRequestException.requireUuid("goalId", goalId)).stream()
                .map(p -> EventCodec.decode(p.actionJson, AgentAction.class))
                .toList();
    }
}
