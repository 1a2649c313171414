package org.alignlab.review.round;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Everything review reads from Kafka, each record under the platform's consumer failure policy (schema-invalid ⇒ the
 * topic's DLQ; a transient failure is retried for as long as it takes, because the DLQ would commit the offset and
 * lose the review):
 * <ul>
 *   <li>{@code experiment.results}, the evidence to judge;
 *   <li>{@code agent.actions} (review's own consumer group): each action's round, params and seeds, to pair
 *       candidates with their baseline;
 *   <li>{@code monitor.verdicts}: a blocked or deferred action will never bring its own result, and review must know
 *       that to settle a round.
 * </ul>
 */
@ApplicationScoped
public class ReviewInputs {

    @Inject
    ReviewFlow flow;
    @Inject
    ConsumerFailurePolicy failures;

    @Incoming("experiment-results")
    @Blocking
    @WithSpan("review.result")
    public void onResult(String payload) {
        failures.consume(Topics.EXPERIMENT_RESULTS, payload, ExperimentResult.class, flow::onResult);
    }

    @Incoming("agent-actions")
    @Blocking
    @WithSpan("review.action")
    public void onAction(String payload) {
        failures.consume(Topics.AGENT_ACTIONS, payload, AgentAction.class, flow::onAction);
    }

    @Incoming("monitor-verdicts")
    @Blocking
    @WithSpan("review.verdict")
    public void onVerdict(String payload) {
        failures.consume(Topics.MONITOR_VERDICTS, payload, Verdict.class, flow::onVerdict);
    }
}
