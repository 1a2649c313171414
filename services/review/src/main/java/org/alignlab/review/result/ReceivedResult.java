package org.alignlab.review.result;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An experiment result as first received; later statistical review reads its metrics from here. */
@Entity
@Table(name = "results")
public class ReceivedResult {

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public String status;

    @Column(name = "result_json", nullable = false)
    public String resultJson;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
