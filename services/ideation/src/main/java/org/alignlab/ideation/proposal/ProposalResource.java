package org.alignlab.ideation.proposal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.ideation.problem.InvalidRequestException;
import org.jboss.resteasy.reactive.RestQuery;

/** The actions ideation proposed for a goal, exactly as published, in round order. */
@Path("/api/proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    private final ProposalRepository repository;

    public ProposalResource(ProposalRepository repository) {
        this.repository = repository;
    }

    @GET
    public List<AgentAction> byGoal(@RestQuery String goalId) {
        return repository.findByGoal(parse(goalId)).stream()
                .map(p -> EventCodec.decode(p.actionJson, AgentAction.class))
                .toList();
    }

    // Taken as text: JAX-RS answers an unconvertible query parameter with 404, which would hide the mistake.
    private static UUID parse(String goalId) {
        if (goalId == null || goalId.isBlank()) {
            throw new InvalidRequestException("goalId", "goalId is required");
        }
        try {
            return UUID.fromString(goalId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("goalId", "goalId must be a UUID");
        }
    }
}
