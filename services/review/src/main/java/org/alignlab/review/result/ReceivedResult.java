package org.alignlab.review.result;

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
    public UUID actionId;

    public UUID goalId;

    public String status;

    public String resultJson;

    public Instant receivedAt;
}
