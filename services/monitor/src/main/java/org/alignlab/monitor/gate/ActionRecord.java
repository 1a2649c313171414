package org.alignlab.monitor.gate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Sha256;
import org.hibernate.annotations.Immutable;

/** An action exactly as the gate received it; its payload hash is the one in its audit records. */
@Entity
@Immutable
@Table(name = "actions")
public class ActionRecord {

    @Id
    private UUID actionId;
    private UUID goalId;
    private Instant receivedAt;
    private String payload;

    protected ActionRecord() {
    }

    ActionRecord(AgentAction action, Instant receivedAt) {
        this.actionId = action.id();
        this.goalId = action.goalId();
        this.receivedAt = receivedAt;
        this.payload = EventCodec.encode(action);
    }

    public UUID actionId() {
        return actionId;
    }

    public AgentAction action() {
        return EventCodec.decode(payload, AgentAction.class);
    }

    /**
     * The hash of the action as stored, which a reviewer's approval quotes: the payload hash of its audit records
     * for as long as nobody has changed the row.
     */
    public String contentHash() {
        return Sha256.ofCanonical(action());
    }
}
