package org.alignlab.review.anomaly;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResultAnomaly;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyMetric;
import org.alignlab.contracts.json.Json;
import org.alignlab.review.config.ReviewConfig;
import org.jboss.logging.Logger;

/**
 * Judges each successful run against the earlier runs of its configuration, in any goal ({@link AnomalyRule}), once
 * review has both its action and its result, and keeps it as history for later runs. Runs in the caller's
 * transaction (which holds the goal's lock), before the round moves on, so a review decided in that transaction
 * already sees the judgement. Runs are judged on their family's judged metric, the one claims rest on; the other
 * metrics a family reports (indicators such as {@code pgr_defined}, fitted curve parameters) are kept as history but
 * not judged, since their distributions are not ones a robust z describes and a hold on them would not bear on any
 * claim. A script run has no judged metric and is not judged.
 */
@ApplicationScoped
public class AnomalyCheck {

    private static final Logger LOG = Logger.getLogger(AnomalyCheck.class);
    private static final TypeReference<Map<String, Map<Integer, Double>>> SEED_VALUES = new TypeReference<>() {
    };
    private static final TypeReference<List<ResultAnomaly>> ANOMALIES = new TypeReference<>() {
    };

    private final RunHistoryRepository history;
    private final AnomalyRule rule;
    private final AnomalyRule.Settings settings;
    private final int maxHistory;
    private final MeterRegistry meters;
    private final TransactionSynchronizationRegistry transactions;

    AnomalyCheck(RunHistoryRepository history, ReviewConfig config, MeterRegistry meters,
            TransactionSynchronizationRegistry transactions) {
        this.history = history;
        this.settings = config.anomalySettings();
        this.rule = new AnomalyRule(settings);
        this.maxHistory = config.anomaly().maxHistory();
        this.meters = meters;
        this.transactions = transactions;
    }

    /** Registers the counter at 0, so that it is exported from the start and an alert sees the first increase. */
    void registerCounter(@Observes StartupEvent start) {
        meters.counter(MetricNames.RESULTS_ANOMALOUS);
    }

    /**
     * Records a successful run and judges it against the runs of its configuration recorded before it; once per
     * action (a redelivered result or action changes nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AgentAction action, ExperimentResult result, Instant now) {
        if (result.status() != ExperimentStatus.SUCCEEDED || action.spec() == null
                || history.findByIdOptional(action.id()).isPresent()) {
            return;
        }
        String configuration = Configuration.of(action.spec(), result.environment());
        Map<String, Map<Integer, Double>> values = seedValues(result);
        List<String> judged = FamilyCatalogue.standard().find(action.spec().family())
                .flatMap(FamilyDefinition::judgedMetric).map(FamilyMetric::name).stream().toList();
        RunHistory row = new RunHistory();
        row.actionId = action.id();
        row.goalId = action.goalId();
        row.configuration = configuration;
        row.family = action.spec().family();
        row.split = action.spec().split() == null ? "" : action.spec().split().name();
        row.seedValues = Json.write(values);
        row.recordedAt = now;
        if (judged.isEmpty()) {
            row.judgement = "not judged: the family " + row.family + " has no judged metric";
        } else {
            Map<String, List<Double>> run = new LinkedHashMap<>();
            judged.forEach(metric -> run.put(metric, List.copyOf(values.getOrDefault(metric, Map.of()).values())));
            List<Map<String, Map<Integer, Double>>> earlier = history.history(configuration, maxHistory).stream()
                    .map(stored -> Json.mapper().convertValue(Json.parse(stored.seedValues), SEED_VALUES))
                    .toList();
            AnomalyRule.Judgement judgement = rule.judge(run, earlier);
            row.judgement = shorten(describe(judgement));
            if (judgement.anomalous()) {
                List<ResultAnomaly> anomalies = judgement.anomalies().stream()
                        .map(c -> new ResultAnomaly(action.id(), c.metric(), c.value(), c.median(), c.spread(),
                                c.runs(), c.seeds(), c.robustZ()))
                        .toList();
                row.anomalous = true;
                row.anomalies = Json.write(anomalies);
                afterCommit(() -> {
                    meters.counter(MetricNames.RESULTS_ANOMALOUS).increment();
                    LOG.warnf("result of action %s (goal %s) is anomalous against earlier runs of its "
                            + "configuration, claims on it are held for a human: %s", action.id(), action.goalId(),
                            row.judgement);
                });
            }
        }
        history.persist(row);
    }

    /** The anomalies found in the results of {@code actionIds}, by action; empty for a run that is not anomalous. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<ResultAnomaly>> among(Collection<UUID> actionIds) {
        return history.anomalousAmong(actionIds).stream().collect(Collectors.toMap(row -> row.actionId,
                row -> Json.mapper().convertValue(Json.parse(row.anomalies), ANOMALIES)));
    }

    /** The finite per-seed values of every metric, by metric and seed. */
    static Map<String, Map<Integer, Double>> seedValues(ExperimentResult result) {
        Map<String, Map<Integer, Double>> values = new TreeMap<>();
        if (result.perSeed() == null) {
            return values;
        }
        for (SeedMetrics seed : result.perSeed()) {
            if (seed == null || seed.metrics() == null) {
                continue;
            }
            seed.metrics().forEach((metric, value) -> {
                if (value != null && Double.isFinite(value)) {
                    values.computeIfAbsent(metric, m -> new TreeMap<>()).put(seed.seed(), value);
                }
            });
        }
        return values;
    }

    private String describe(AnomalyRule.Judgement judgement) {
        List<String> parts = new ArrayList<>();
        for (AnomalyRule.Comparison c : judgement.comparisons()) {
            parts.add(String.format(Locale.ROOT, "%s%s %.4g against median %.4g of %d seeds' values in %d earlier "
                    + "runs, spread %.3g, robust z %s (threshold %s)", c.anomalous() ? "ANOMALOUS " : "", c.metric(),
                    c.value(), c.median(), c.seeds(), c.runs(), c.spread(),
                    c.robustZ() == null ? "undefined (every earlier value the same)"
                            : String.format(Locale.ROOT, "%.2f", c.robustZ()),
                    BigDecimal.valueOf(settings.threshold()).stripTrailingZeros().toPlainString()));
        }
        judgement.notJudged().forEach(why -> parts.add("not judged: " + why));
        return String.join("; ", parts);
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private static String shorten(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
