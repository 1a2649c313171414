package org.alignlab.orchestrator.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A goal's report as served: the JSON is kept verbatim so that later code changes never alter a report a
 * researcher has already read. Only new evidence does: a claim withdrawn after the goal ended ({@link #revise}).
 */
@Entity
@Table(name = "goal_reports")
public class StoredReport {

    @Id
    private UUID goalId;
    private Instant generatedAt;
    @ColumnTransformer(write = "?::json")
    private String body;

    protected StoredReport() {
        // for JPA
    }

    StoredReport(UUID goalId, Instant generatedAt, String body) {
        this.goalId = goalId;
        this.generatedAt = generatedAt;
        this.body = body;
    }

    void revise(Instant revisedAt, String revisedBody) {
        this.generatedAt = revisedAt;
        this.body = revisedBody;
    }

    public UUID goalId() {
        return goalId;
    }

    public Instant generatedAt() {
        return generatedAt;
    }

    public String body() {
        return body;
    }
}
