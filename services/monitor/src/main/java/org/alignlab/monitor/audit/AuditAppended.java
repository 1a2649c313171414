package org.alignlab.monitor.audit;

/** Fired for each record appended; observed after commit so rolled-back appends are never counted. */
public record AuditAppended(String type) {
}
