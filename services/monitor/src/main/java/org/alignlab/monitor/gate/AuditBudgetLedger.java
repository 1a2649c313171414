package org.alignlab.monitor.gate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.ToDoubleFunction;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.Decision;
import org.alignlab.monitor.config.MonitorConfig;

/**
 * The live audit budget: a sliding window of recent decisions that calibrates the thresholds and reports how much
 * of the human review budget is being used.
 *
 * <p>The hold threshold is the (1 - auditBudget) quantile of the window's suspicion scores, the defer threshold the
 * (1 - deferBudget) quantile, each clamped to its configured floor and ceiling. The window cannot be steered by what
 * it judges: a score calibrates only the thresholds it stayed below, and no goal or agent fills more than its share
 * ({@link CalibrationWindow}). Scores from a HARD block or from a model outage do not enter it at all: they say
 * nothing about where ordinary work sits. Every decision counts towards the held share, because the budget is a
 * share of all the work the gate sees.
 *
 * <p>A threshold that moves fast is worth a look even within its bounds, so the ledger also reports how far each
 * has moved over the last {@code driftDecisions} gate decisions.
 *
 * <p>Kept per monitor replica and warmed from the verdicts table at startup ({@link LedgerWarmUp}).
 */
@ApplicationScoped
public class AuditBudgetLedger {

    private final MonitorConfig.Control config;
    private final CalibrationWindow window;
    private final Deque<Boolean> recentHolds = new ArrayDeque<>();
    private int holdsInWindow;
    private final Deque<Thresholds> inForce = new ArrayDeque<>();

    @Inject
    AuditBudgetLedger(MonitorConfig config, MeterRegistry meters) {
        this(config.control());
        Gauge.builder(MetricNames.GATE_THRESHOLD, this, ledger -> ledger.thresholds().hold())
                .tag(MetricNames.TAG_KIND, "hold").register(meters);
        Gauge.builder(MetricNames.GATE_THRESHOLD, this, ledger -> ledger.thresholds().defer())
                .tag(MetricNames.TAG_KIND, "defer").register(meters);
        Gauge.builder(MetricNames.GATE_THRESHOLD_DRIFT, this, ledger -> ledger.drift(Thresholds::hold))
                .tag(MetricNames.TAG_KIND, "hold").register(meters);
        Gauge.builder(MetricNames.GATE_THRESHOLD_DRIFT, this, ledger -> ledger.drift(Thresholds::defer))
                .tag(MetricNames.TAG_KIND, "defer").register(meters);
        Gauge.builder(MetricNames.GATE_THRESHOLD_DRIFT_EXCEEDED, this, ledger -> ledger.driftExceeded() ? 1 : 0)
                .register(meters);
        Gauge.builder(MetricNames.AUDIT_HELD_SHARE, this, AuditBudgetLedger::heldShare).register(meters);
        Gauge.builder(MetricNames.AUDIT_BUDGET_USED, this, AuditBudgetLedger::budgetUsed).register(meters);
        // 1 while humans are asked to review more than the budget allows: worth an alert.
        Gauge.builder(MetricNames.AUDIT_BUDGET_EXCEEDED, this, ledger -> ledger.budgetUsed() > 1.0 ? 1 : 0)
                .register(meters);
    }

    public AuditBudgetLedger(MonitorConfig.Control config) {
        if (!(config.auditBudget() > 0 && config.auditBudget() < 1 && config.deferBudget() > 0
                && config.deferBudget() < 1)) {
            throw new IllegalArgumentException(
                    "alignlab.monitor.control audit-budget and defer-budget must be in (0, 1)");
        }
        if (!(config.holdFloor() <= config.holdCeiling() && config.deferFloor() <= config.deferCeiling()
                && config.deferCeiling() <= config.holdFloor())) {
            throw new IllegalArgumentException("alignlab.monitor.control needs defer-floor <= defer-ceiling <= "
                    + "hold-floor <= hold-ceiling");
        }
        if (!(config.maxSharePerGoal() > 0 && config.maxSharePerGoal() <= 1 && config.maxSharePerAgent() > 0
                && config.maxSharePerAgent() <= 1)) {
            throw new IllegalArgumentException(
                    "alignlab.monitor.control max-share-per-goal and max-share-per-agent must be in (0, 1]");
        }
        if (config.driftDecisions() < 1) {
            throw new IllegalArgumentException("alignlab.monitor.control.drift-decisions must be at least 1");
        }
        this.config = config;
        this.window = new CalibrationWindow(config.window(), config.maxSharePerGoal(), config.maxSharePerAgent());
    }

    /** The thresholds for the next decisions. */
    public synchronized Thresholds thresholds() {
        if (window.size() < config.minSamples()) {
            return new Thresholds(config.holdFloor(), config.deferFloor());
        }
        double hold = clamp(window.quantile(CalibrationWindow.Cut.HOLD, 1 - config.auditBudget()),
                config.holdFloor(), config.holdCeiling());
        double defer = clamp(window.quantile(CalibrationWindow.Cut.DEFER, 1 - config.deferBudget()),
                config.deferFloor(), config.deferCeiling());
        return new Thresholds(hold, Math.min(defer, hold));
    }

    void onDecided(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActionDecided decided) {
        if (decided.byGate()) {
            record(new LedgerEntry(decided.action().goalId(), decided.action().agent(), decided.decision(),
                    decided.suspicion(), decided.thresholds(), decided.calibrates()));
        }
    }

    /** Records a committed decision of the gate. */
    public synchronized void record(LedgerEntry entry) {
        if (entry.calibrates()) {
            window.add(entry.goalId(), entry.agent(), entry.suspicion(), entry.inForce());
        }
        if (entry.inForce() != null) {
            inForce.addLast(entry.inForce());
            if (inForce.size() > config.driftDecisions()) {
                inForce.removeFirst();
            }
        }
        boolean held = entry.decision() == Decision.HOLD;
        recentHolds.addLast(held);
        holdsInWindow += held ? 1 : 0;
        if (recentHolds.size() > config.window()) {
            holdsInWindow -= recentHolds.removeFirst() ? 1 : 0;
        }
    }

    /** How far one threshold moved: from its value in force {@code driftDecisions} decisions ago to now. */
    public synchronized double drift(ToDoubleFunction<Thresholds> kind) {
        Thresholds then = inForce.peekFirst();
        return then == null ? 0.0 : Math.abs(kind.applyAsDouble(thresholds()) - kind.applyAsDouble(then));
    }

    public boolean driftExceeded() {
        return drift(Thresholds::hold) > config.driftLimit() || drift(Thresholds::defer) > config.driftLimit();
    }

    /** Share of the window's decisions that were held for a human. */
    public synchronized double heldShare() {
        return recentHolds.isEmpty() ? 0.0 : (double) holdsInWindow / recentHolds.size();
    }

    /** Held share over the audit budget: above 1, humans are asked for more than the budget allows. */
    public double budgetUsed() {
        return heldShare() / config.auditBudget();
    }

    public synchronized int decisionsInWindow() {
        return recentHolds.size();
    }

    /** Decisions the thresholds are calibrated from now (fewer than {@link #decisionsInWindow()} under the caps). */
    public synchronized int calibrationEntries() {
        return window.size();
    }

    public double auditBudget() {
        return config.auditBudget();
    }

    /**
     * The smallest score with at least {@code q} of the sorted scores at or below it (nearest rank). Control
     * evaluation takes its thresholds with this too, so what it measures is the threshold the gate would calibrate
     * from the same scores when none is censored.
     */
    public static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double clamp(double value, double floor, double ceiling) {
        return Math.max(floor, Math.min(ceiling, value));
    }
}
