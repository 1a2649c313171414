package org.alignlab.ideation.proposal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.ideation.policy.GoalHistory;
import org.alignlab.ideation.policy.IdeaPolicy;
import org.alignlab.ideation.policy.Proposal;
import org.alignlab.ideation.space.SearchSpaces;
import org.alignlab.ideation.tested.TestedConfigs;
import org.jboss.logging.Logger;

/**
 * Decides each round's actions exactly once: the first delivery asks the policy, then stores its proposals and queues
 * each action on the outbox in one transaction; a later delivery of the same goal and round finds them stored and
 * adds nothing (the committed transaction's actions are already in the outbox, sent or on their way).
 */
@ApplicationScoped
public class ProposalBook {

    private static final Logger LOG = Logger.getLogger(ProposalBook.class);

    @Inject
    ProposalRepository repository;
    @Inject
    TestedConfigs tested;
    @Inject
    SearchSpaces spaces;
    @Inject
    IdeaPolicy policy;
    @Inject
    ActionPublisher publisher;

    /**
     * Proposes the round's actions, stores them and queues them to be sent, unless the round was decided before.
     *
     * @return the actions proposed just now; none for a redelivered round
     */
    public List<AgentAction> propose(RoundRequested round) {
        if (QuarkusTransaction.requiringNew().call(() -> repository.hasRound(round.goalId(), round.round()))) {
            return List.of();
        }
        int budget = round.budgetLeft().experiments();
        if (budget <= 0) {
            LOG.infof("goal %s round %d: no experiment budget left; proposing none", round.goalId(), round.round());
            return List.of();
        }
        GoalHistory history = QuarkusTransaction.requiringNew().call(() -> tested.historyOf(round.goalId()));
        // Outside any transaction: a policy may wait on a language model, which must hold no connection meanwhile
        // nor run into the transaction timeout.
        List<Proposal> proposals = policy.propose(round, history);
        if (proposals.size() > budget) {
            LOG.infof("goal %s round %d: %d experiments proposed, budget allows %d; keeping the first %d",
                    round.goalId(), round.round(), proposals.size(), budget, budget);
            proposals = proposals.subList(0, budget);
        }
        List<Proposal> kept = proposals;
        return QuarkusTransaction.requiringNew().call(() -> store(round, history, kept));
    }

    private List<AgentAction> store(RoundRequested round, GoalHistory history, List<Proposal> proposals) {
        Set<String> taken = new HashSet<>(history.testedKeys());
        Instant now = Instant.now();
        List<AgentAction> actions = new ArrayList<>();
        for (Proposal proposal : proposals) {
            String key = spaces.configKey(proposal.spec().family(), proposal.spec().params());
            if (!taken.add(key)) {
                // A policy bug must not spend budget on a configuration the goal already tested.
                LOG.warnf("goal %s round %d: policy %s repeated the tested configuration %s; dropped",
                        round.goalId(), round.round(), proposal.policy(), key);
                continue;
            }
            AgentAction action = new AgentAction(UUID.randomUUID(), round.goalId(), round.round(), Agent.IDEATION,
                    proposal.policy(), proposal.type(), null, proposal.hypothesis(), proposal.spec(), now);
            repository.persist(toEntity(action, actions.size()));
            tested.record(action, key);
            publisher.publish(action);
            actions.add(action);
        }
        return actions;
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
