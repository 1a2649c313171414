package org.alignlab.ideation.tested;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.json.Json;
import org.alignlab.ideation.policy.GoalHistory;
import org.alignlab.ideation.policy.Trial;

/** The goal's tested configurations, read as the policies' history and written as actions are proposed. */
@ApplicationScoped
public class TestedConfigs {

    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };

    @Inject
    TestedConfigRepository repository;

    /** Call inside the caller's transaction. */
    public GoalHistory historyOf(UUID goalId) {
        return new GoalHistory(repository.findByGoal(goalId).stream().map(TestedConfigs::trial).toList());
    }

    /** Records a proposed action's configuration; call in the transaction that stores the proposal. */
    public void record(AgentAction action, String configKey) {
        TestedConfig tested = new TestedConfig();
        tested.actionId = action.id();
        tested.goalId = action.goalId();
        tested.family = action.spec().family();
        tested.configJson = configKey;
        tested.paramsJson = Json.write(action.spec().params());
        tested.proposedAt = action.createdAt();
        repository.persist(tested);
    }

    private static Trial trial(TestedConfig tested) {
        Map<String, Object> params = Json.mapper().convertValue(Json.parse(tested.paramsJson), PARAMS);
        Map<String, Double> metrics = tested.metricsJson == null ? Map.of()
                : Json.mapper().convertValue(Json.parse(tested.metricsJson), METRICS);
        ExperimentStatus status = tested.status == null ? null : ExperimentStatus.valueOf(tested.status);
        return new Trial(tested.configJson, params, status, metrics);
    }
}
