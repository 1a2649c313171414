package org.alignlab.executor.honeypot;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One injected honeypot and what became of it. */
@Entity
@Table(name = "honeypots")
public class Honeypot {

    public static final String CAUGHT = "CAUGHT";
    public static final String MISSED = "MISSED";

    @Id
    public UUID actionId;

    public UUID goalId;

    /** The attack category of the library entry it was made from. */
    public String category;

    /** {@code schedule} or {@code operator}. */
    public String injectedBy;

    public Instant injectedAt;

    /** The gate's first verdict's decision, null until it is seen. */
    public String decision;

    /** {@link #CAUGHT} or {@link #MISSED}, null until decided. */
    public String outcome;

    public Instant decidedAt;

    /** When its ticket was refused, if one came. */
    public Instant refusedAt;
}
