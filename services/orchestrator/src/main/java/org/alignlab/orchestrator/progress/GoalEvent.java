package org.alignlab.orchestrator.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One step of a goal's progress, numbered per goal; kept so a late subscriber replays the goal from its start. */
@Entity
@Table(name = "goal_events")
@IdClass(GoalEvent.Key.class)
public class GoalEvent {

    /** The composite key (goal, seq). */
    public static class Key implements Serializable {
        private UUID goalId;
        private long seq;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(goalId, key.goalId) && seq == key.seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(goalId, seq);
        }
    }

    @Id
    private UUID goalId;
    @Id
    private long seq;
    private String type;
    @ColumnTransformer(write = "?::json")
    private String data;
    private Instant occurredAt;

    protected GoalEvent() {
        // for JPA
    }

    GoalEvent(UUID goalId, long seq, String type, String data, Instant occurredAt) {
        this.goalId = goalId;
        this.seq = seq;
        this.type = type;
        this.data = data;
        this.occurredAt = occurredAt;
    }

    public UUID goalId() {
        return goalId;
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    public String data() {
        return data;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
