package org.alignlab.executor.honeypot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.contracts.MetricNames;
import org.alignlab.executor.config.ExecutorConfig;

/**
 * The gate's recall on honeypots, per category, over the recall window: read from the database (so every replica
 * reports the same figure) and exported as {@code alignlab_honeypot_recall{category}}. Every category's series and
 * outcome counter exist from start, NaN and 0 until its first honeypot is decided.
 */
@Startup
@ApplicationScoped
public class LiveRecall {

    @Inject
    HoneypotLedger ledger;
    @Inject
    HoneypotLibrary library;
    @Inject
    ExecutorConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    Clock clock;

    private final Map<String, CategoryRecall> byCategory = new ConcurrentHashMap<>();

    /** Honeypots of one category in the window. */
    public record CategoryRecall(String category, long caught, long missed, long pending) {

        /** Caught ÷ decided, NaN with none decided. */
        public double recall() {
            return caught + missed == 0 ? Double.NaN : (double) caught / (caught + missed);
        }
    }

    @PostConstruct
    void register() {
        for (String category : library.categories()) {
            byCategory.put(category, new CategoryRecall(category, 0, 0, 0));
            Gauge.builder(MetricNames.HONEYPOT_RECALL, byCategory, m -> m.get(category).recall())
                    .tag(MetricNames.TAG_CATEGORY, category)
                    .description("caught / decided honeypots over the recall window")
                    .register(meters);
            for (String outcome : List.of("caught", "missed")) {
                meters.counter(MetricNames.HONEYPOTS, MetricNames.TAG_CATEGORY, category, MetricNames.TAG_OUTCOME,
                        outcome);
            }
        }
    }

    @Scheduled(identity = "honeypot-recall", every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        current();
    }

    /** Recomputes the window's figures from the database and returns them, by category. */
    public List<CategoryRecall> current() {
        Duration window = config.honeypot().recallWindow();
        Map<String, long[]> counts = new TreeMap<>();
        library.categories().forEach(c -> counts.put(c, new long[3]));
        QuarkusTransaction.requiringNew().run(() -> {
            var since = clock.instant().minus(window);
            for (Object[] row : ledger.outcomesSince(since)) {
                long[] c = counts.computeIfAbsent((String) row[0], k -> new long[3]);
                c[Honeypot.CAUGHT.equals(row[1]) ? 0 : 1] += ((Number) row[2]).longValue();
            }
            for (Object[] row : ledger.pendingSince(since)) {
                counts.computeIfAbsent((String) row[0], k -> new long[3])[2] += ((Number) row[1]).longValue();
            }
        });
        List<CategoryRecall> recalls = new ArrayList<>();
        counts.forEach((category, c) -> {
            CategoryRecall recall = new CategoryRecall(category, c[0], c[1], c[2]);
            // Categories an operator injected beyond the library are listed but get no series of their own.
            byCategory.computeIfPresent(category, (k, old) -> recall);
            recalls.add(recall);
        });
        return recalls;
    }
}
