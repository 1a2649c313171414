package org.alignlab.ideation.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.ideation.policy.GoalHistory;
import org.alignlab.ideation.policy.IdeaPolicy;
import org.alignlab.ideation.policy.Proposal;
import org.alignlab.ideation.search.GoalFactors;
import org.alignlab.ideation.search.Hypotheses;
import org.alignlab.ideation.search.SearchPolicy;
import org.alignlab.ideation.space.SearchSpace;
import org.alignlab.ideation.space.SearchSpaces;
import org.jboss.logging.Logger;

/**
 * Asks a language model for the round's new configurations. The search policy plans the round (the baseline and
 * how many configurations to try); the model fills the slots after the baseline. Each configuration it writes must
 * validate against the family's JSON Schema, state a direction and a metric, and be new to the goal; one that does
 * not is logged and the search policy's proposal takes its slot. No answer at all: the search proposes the round.
 */
public final class LlmPolicy implements IdeaPolicy {

    private static final Logger LOG = Logger.getLogger(LlmPolicy.class);
    private static final int MAX_POLICY_CHARS = 200;

    private final ChatClient client;
    private final String name;
    private final SearchSpaces spaces;
    private final SearchPolicy search;

    public LlmPolicy(ChatClient client, String model, SearchSpaces spaces, SearchPolicy search) {
        String policy = "llm/" + model;
        this.client = client;
        this.name = policy.length() > MAX_POLICY_CHARS ? policy.substring(0, MAX_POLICY_CHARS) : policy;
        this.spaces = spaces;
        this.search = search;
    }

    @Override
    public List<Proposal> propose(RoundRequested round, GoalHistory history) {
        List<Proposal> planned = search.propose(round, history);
        Optional<SearchSpace> space = spaces.of(round.family());
        List<Proposal> anchors = planned.stream().filter(p -> SearchPolicy.BASELINE.equals(p.policy())).toList();
        List<Proposal> searched = planned.stream().filter(p -> !SearchPolicy.BASELINE.equals(p.policy())).toList();
        if (space.isEmpty() || searched.isEmpty()) {
            return planned;
        }
        List<LlmReplyParser.Candidate> candidates;
        try {
            candidates = LlmReplyParser.parse(client.complete(LlmPrompt.SYSTEM,
                    LlmPrompt.user(round, space.get(), history, searched.size())));
        } catch (LlmUnavailableException | InvalidLlmReplyException e) {
            LOG.warnf("goal %s round %d: no usable LLM proposals (%s); the search policy proposes the round",
                    round.goalId(), round.round(), e.getMessage());
            return planned;
        }
        Set<String> taken = new HashSet<>(history.testedKeys());
        anchors.forEach(p -> taken.add(key(p)));
        GoalFactors factors = GoalFactors.of(round);
        List<Proposal> chosen = new ArrayList<>(anchors);
        int wanted = anchors.size() + searched.size();
        for (int i = 0; i < candidates.size() && chosen.size() < wanted; i++) {
            LlmReplyParser.Candidate candidate = candidates.get(i);
            Map<String, Object> params = new TreeMap<>(space.get().baseline());
            params.putAll(candidate.params());
            List<String> problems = new ArrayList<>(candidate.problems());
            problems.addAll(space.get().definition().violations(params));
            String offDesign = factors.problemWith(space.get().changes(space.get().baseline(), params));
            if (offDesign != null) {
                problems.add(offDesign);
            }
            if (problems.isEmpty() && !taken.add(space.get().configKey(params))) {
                problems.add("the configuration was already tested or proposed for this goal");
            }
            if (!problems.isEmpty()) {
                LOG.warnf("goal %s round %d: LLM proposal %d rejected (%s); the search policy proposes instead",
                        round.goalId(), round.round(), i + 1, String.join("; ", problems));
                continue;
            }
            chosen.add(new Proposal(name, ActionType.RUN_EXPERIMENT,
                    hypothesis(round, space.get(), params, candidate), search.spec(round.family(), params)));
        }
        for (Proposal fallback : searched) {
            if (chosen.size() >= wanted) {
                break;
            }
            if (taken.add(key(fallback))) {
                chosen.add(fallback);
            }
        }
        return chosen;
    }

    private String key(Proposal proposal) {
        return spaces.configKey(proposal.spec().family(), proposal.spec().params());
    }

    private static String hypothesis(RoundRequested round, SearchSpace space, Map<String, Object> params,
            LlmReplyParser.Candidate candidate) {
        return Hypotheses.question(round) + "Changes from the baseline: "
                + Hypotheses.changes(space, space.baseline(), params) + ".\nPredicted direction: " + candidate.metric()
                + " " + candidate.direction() + "s (the model's prediction).\nRationale (model): "
                + candidate.hypothesis() + "\nMetric: " + candidate.metric() + ", validation split.";
    }
}
