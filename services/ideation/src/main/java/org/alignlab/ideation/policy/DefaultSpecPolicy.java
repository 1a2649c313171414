package org.alignlab.ideation.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Split;
import org.alignlab.ideation.config.IdeationConfig;
import org.jboss.logging.Logger;

/**
 * Proposes the round's family with its configured default parameters: the walking skeleton's stand-in for a
 * search or LLM policy. Always on the validation split, because ideation must never see held-out data.
 */
@ApplicationScoped
public class DefaultSpecPolicy implements IdeaPolicy {

    public static final String NAME = "default-spec";

    /** A script experiment is agent-written code; this policy has no code to propose. */
    static final String SCRIPT_FAMILY = "script";

    private static final Logger LOG = Logger.getLogger(DefaultSpecPolicy.class);

    /** Hypothesis text stays well under the schema's 4000 characters whatever the question's length. */
    private static final int MAX_QUESTION_CHARS = 2000;

    private static final Map<String, String> EXPECTED = Map.of(
            "weak-to-strong", "a strong student trained on a weak supervisor's labels beats the weak supervisor "
                    + "but stays below its ground-truth ceiling: weak-to-strong accuracy above weak accuracy, "
                    + "performance gap recovered (PGR) between 0 and 1.",
            "reward-overoptimization", "as best-of-n selection against the proxy reward model grows (larger KL), "
                    + "proxy reward keeps rising while gold reward peaks and then falls.",
            "linear-probe", "the latent concept becomes more linearly decodable in deeper layers, and probe "
                    + "accuracy exceeds the control task's (positive selectivity).");

    private final IdeationConfig config;

    public DefaultSpecPolicy(IdeationConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Proposal> propose(RoundRequested round) {
        if (SCRIPT_FAMILY.equals(round.family())) {
            LOG.infof("goal %s round %d: family 'script' has no default experiment; proposing none",
                    round.goalId(), round.round());
            return List.of();
        }
        IdeationConfig.Family family = config.families().get(round.family());
        Map<String, String> params = family == null ? Map.of() : family.params();
        List<Integer> seeds = family == null ? config.seeds() : family.seeds().orElse(config.seeds());
        IdeationConfig.Resources resources = config.resources();
        ExperimentSpec spec = new ExperimentSpec(
                round.family(),
                ParamValues.typed(params),
                List.copyOf(seeds),
                Split.VALIDATION,
                new ResourceRequest(resources.cpuSeconds(), resources.memoryMb(), resources.wallSeconds()),
                null);
        return List.of(new Proposal(ActionType.RUN_EXPERIMENT, hypothesis(round, seeds), spec));
    }

    private static String hypothesis(RoundRequested round, List<Integer> seeds) {
        String question = round.question().length() > MAX_QUESTION_CHARS
                ? round.question().substring(0, MAX_QUESTION_CHARS) + "…"
                : round.question();
        String expected = EXPECTED.getOrDefault(round.family(),
                "no direction is stated for this family by the default policy; the run measures its default metrics.");
        return "Question: " + question + "\nTests: the " + round.family() + " family's default configuration on the "
                + "validation split with seeds " + seeds + ".\nExpected: " + expected;
    }
}
