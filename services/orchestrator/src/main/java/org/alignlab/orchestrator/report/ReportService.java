package org.alignlab.orchestrator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.orchestrator.budget.GoalSpending;
import org.alignlab.orchestrator.config.OrchestratorConfig;
import org.alignlab.orchestrator.evidence.GoalActionRepository;
import org.alignlab.orchestrator.evidence.GoalReviewRepository;
import org.alignlab.orchestrator.goal.Goal;
import org.alignlab.orchestrator.goal.GoalResponse;

/** Builds a closed goal's report from its evidence and keeps it. */
@ApplicationScoped
public class ReportService {

    private final GoalActionRepository actions;
    private final GoalReviewRepository reviews;
    private final StoredReportRepository reports;
    private final ObjectMapper mapper;
    private final ReportBuilder builder;
    private final GoalSpending spending;
    private final Clock clock;

    ReportService(GoalActionRepository actions, GoalReviewRepository reviews, StoredReportRepository reports,
            ObjectMapper mapper, OrchestratorConfig config, GoalSpending spending, Clock clock) {
        this.actions = actions;
        this.reviews = reviews;
        this.reports = reports;
        this.mapper = mapper;
        this.builder = new ReportBuilder(config.monitorUrl());
        this.spending = spending;
        this.clock = clock;
    }

    /** Writes the report of a goal that has just ended, in the transaction that ended it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Goal goal) {
        Report report = build(goal);
        reports.persist(new StoredReport(goal.id(), report.generatedAt(), json(goal, report)));
    }

    /**
     * Writes an ended goal's report again from its evidence, in the caller's transaction: a claim in it was withdrawn
     * after the goal ended (a result it rested on did not reproduce). Its generation time says it was revised.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revise(Goal goal) {
        reports.findByIdOptional(goal.id()).ifPresent(stored -> {
            Report report = build(goal);
            stored.revise(report.generatedAt(), json(goal, report));
        });
    }

    private Report build(Goal goal) {
        var goalActions = actions.listByGoal(goal.id());
        return builder.build(GoalResponse.of(goal, goalActions.size(), spending.of(goal, clock.instant())),
                goalActions, reviews.listByGoal(goal.id()), clock.instant());
    }

    private String json(Goal goal, Report report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report of goal " + goal.id(), e);
        }
    }

    /** The report's JSON, once the goal has ended. */
    public Optional<String> find(UUID goalId) {
        return reports.findByIdOptional(goalId).map(StoredReport::body);
    }

    /** The stored report read back, for the Markdown, HTML and plot renderings: all of them show the same facts. */
    public Optional<Report> findReport(UUID goalId) {
        return find(goalId).map(json -> {
            try {
                return mapper.readValue(json, Report.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read the stored report of goal " + goalId, e);
            }
        });
    }
}
