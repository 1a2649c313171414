package org.alignlab.ideation.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.ideation.policy.IdeaPolicy;
import org.alignlab.ideation.policy.Proposal;
import org.jboss.logging.Logger;

/**
 * Decides each round's actions exactly once: the first delivery asks the policy and stores its proposals, every
 * later delivery of the same goal and round gets the stored actions back with their original ids.
 */
@ApplicationScoped
public class ProposalBook {

    private static final Logger LOG = Logger.getLogger(ProposalBook.class);

    private final ProposalRepository repository;
    private final IdeaPolicy policy;

    public ProposalBook(ProposalRepository repository, IdeaPolicy policy) {
        this.repository = repository;
        this.policy = policy;
    }

    /** The actions of a round, and whether they were proposed just now (false: a redelivery). */
    public record RoundActions(List<AgentAction> actions, boolean fresh) {
    }

    @Transactional
    public RoundActions actionsFor(RoundRequested round) {
        List<StoredProposal> stored = repository.findByRound(round.goalId(), round.round());
        if (!stored.isEmpty()) {
            List<AgentAction> recalled = stored.stream()
                    .map(p -> EventCodec.decode(p.actionJson, AgentAction.class))
                    .toList();
            return new RoundActions(recalled, false);
        }
        int budget = round.budgetLeft().experiments();
        if (budget <= 0) {
            LOG.infof("goal %s round %d: no experiment budget left; proposing none", round.goalId(), round.round());
            return new RoundActions(List.of(), true);
        }
        List<Proposal> proposals = policy.propose(round);
        if (proposals.size() > budget) {
            LOG.infof("goal %s round %d: policy %s proposed %d experiments, budget allows %d; keeping the first %d",
                    round.goalId(), round.round(), policy.name(), proposals.size(), budget, budget);
            proposals = proposals.subList(0, budget);
        }
        Instant now = Instant.now();
        List<AgentAction> actions = new ArrayList<>();
        for (int ordinal = 0; ordinal < proposals.size(); ordinal++) {
            Proposal proposal = proposals.get(ordinal);
            AgentAction action = new AgentAction(UUID.randomUUID(), round.goalId(), round.round(), Agent.IDEATION,
                    policy.name(), proposal.type(), null, proposal.hypothesis(), proposal.spec(), now);
            repository.persist(toEntity(action, ordinal));
            actions.add(action);
        }
        return new RoundActions(actions, true);
    }

    private static StoredProposal toEntity(AgentAction action, int ordinal) {
        StoredProposal entity = new StoredProposal();
        entity.id = action.id();
        entity.goalId = action.goalId();
        entity.round = action.round();
        entity.ordinal = ordinal;
        entity.policy = action.policy();
        entity.family = action.spec().family();
        // Encoding validates, so a policy bug is stopped here instead of stored and published.
        entity.actionJson = EventCodec.encode(action);
        entity.createdAt = action.createdAt();
        return entity;
    }
}
