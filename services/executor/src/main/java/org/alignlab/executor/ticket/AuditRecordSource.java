package org.alignlab.executor.ticket;

import java.util.Optional;

/** Where a ticket check reads the monitor's committed audit records. */
public interface AuditRecordSource {

    /**
     * The committed record with this seq, or empty when the chain has none.
     *
     * @throws MonitorUnavailableException when the answer is unknown (monitor down, slow or refusing us): the
     *                                     ticket must be neither run nor refused, only tried again later
     */
    Optional<MonitorAuditRecord> find(long seq);
}
