package org.alignlab.executor.ticket;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where a ticket check reads the monitor's committed audit records. */
public interface AuditRecordSource {

    /**
     * The committed record with this seq, or empty when the chain has none.
     *
     * @throws MonitorUnavailableException when the answer is unknown (monitor down, slow or refusing us): the
     *                                     ticket must be neither run nor refused, only tried again later
     */
    Optional<MonitorAuditRecord> find(long seq);

    /**
     * The chain's execution records of an action ({@code EXECUTION_STARTED}, {@code _FINISHED}, {@code _REFUSED}),
     * in chain order: whether it already ran, on the monitor's append-only record rather than the executor's rows.
     *
     * @throws MonitorUnavailableException when the answer is unknown
     */
    List<MonitorAuditRecord> executionsOf(UUID actionId);
}
