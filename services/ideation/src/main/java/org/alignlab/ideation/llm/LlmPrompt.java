package org.alignlab.ideation.llm;

import java.util.List;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.json.Json;
import org.alignlab.ideation.policy.GoalHistory;
import org.alignlab.ideation.policy.Trial;
import org.alignlab.ideation.space.SearchSpace;

/**
 * What the model is told: the goal, the family's parameter schema, the baseline and every configuration the goal
 * already tested with its validation outcome, and the exact JSON to answer with.
 */
final class LlmPrompt {

    /** The newest results are the most useful and the prompt must stay small. */
    static final int MAX_TRIALS = 40;
    private static final int MAX_QUESTION_CHARS = 2000;

    static final String SYSTEM = """
            You are a careful alignment researcher choosing the next experiments of a research goal. You see \
            validation results only. Propose configurations that have not been tested yet and that answer the \
            question; each must satisfy the family's parameter JSON Schema exactly (no other parameters, every \
            value inside its bounds). Answer with one JSON object and nothing else:
            {"proposals": [{"params": {<parameter>: <value>, ...}, "hypothesis": "<what changes and why>", \
            "direction": "increase" | "decrease", "metric": "<the metric you predict moves>"}]}""";

    private LlmPrompt() {
    }

    static String user(RoundRequested round, SearchSpace space, GoalHistory history, int wanted) {
        String question = round.question().length() > MAX_QUESTION_CHARS
                ? round.question().substring(0, MAX_QUESTION_CHARS) + "…"
                : round.question();
        StringBuilder prompt = new StringBuilder()
                .append("Question: ").append(question).append('\n')
                .append("Round: ").append(round.round()).append('\n')
                .append("Experiment family: ").append(space.family()).append('\n');
        if (!round.factors().isEmpty()) {
            // The design is the researcher's: a proposal that changes anything else cannot answer the question.
            prompt.append("Factors the goal asks about: ").append(String.join(", ", round.factors()))
                    .append(". Change only these, one at a time, every other parameter at the baseline.\n");
        }
        prompt.append("Parameter JSON Schema of the family:\n")
                .append(space.definition().paramsSchemaText().orElse("{}").strip())
                .append('\n')
                .append("Baseline parameters (absent ones take the schema's default): ")
                .append(Json.write(space.baseline())).append('\n');
        space.objective().ifPresent(metric -> prompt.append("Metric to improve: ").append(metric)
                .append(space.minimize() ? " (lower is better)" : " (higher is better)").append('\n'));
        List<Trial> trials = history.trials();
        List<Trial> shown = trials.subList(Math.max(0, trials.size() - MAX_TRIALS), trials.size());
        prompt.append("Already tested (never propose these again), oldest first")
                .append(shown.size() < trials.size() ? ", the last " + shown.size() + " of " + trials.size() : "")
                .append(":\n");
        if (shown.isEmpty()) {
            prompt.append("- nothing yet\n");
        }
        for (Trial trial : shown) {
            prompt.append("- params ").append(Json.write(trial.params())).append(": ")
                    .append(trial.status() == null ? "no result yet"
                            : trial.status() + " " + Json.write(trial.metrics()))
                    .append('\n');
        }
        return prompt.append("Propose exactly ").append(wanted).append(" new configuration")
                .append(wanted == 1 ? "" : "s").append(".").toString();
    }
}
