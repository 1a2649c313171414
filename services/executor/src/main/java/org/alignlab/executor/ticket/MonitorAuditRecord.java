package org.alignlab.executor.ticket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * The monitor's committed audit record a ticket quotes, as far as a ticket check needs it: only a verdict or a human
 * decision can approve an action. Unknown fields are ignored: the monitor's record grows (scores, actor, trace id)
 * and the executor compares only what binds a ticket to it.
 *
 * @param payloadHash SHA-256 of the canonical JSON of the action the record is about
 * @param hash        the record's chain hash, which the ticket must quote
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonitorAuditRecord(long seq, String type, UUID actionId, String payloadHash, String decision,
        String hash) {

    /** The record types that approve an action: the monitor's verdict, or a reviewer's decision on a hold. */
    public static final String VERDICT = "VERDICT";
    public static final String HUMAN_DECISION = "HUMAN_DECISION";
    /** The executor's report that it began running an action. */
    public static final String EXECUTION_STARTED = "EXECUTION_STARTED";
}
