package org.alignlab.contracts;

/** OpenTelemetry span attribute names, declared once. */
public final class SpanAttributes {

    public static final String GOAL_ID = "alignlab.goal.id";
    public static final String ACTION_ID = "alignlab.action.id";
    public static final String AGENT = "alignlab.agent";
    public static final String MONITOR_SUSPICION = "alignlab.monitor.suspicion";
    public static final String MONITOR_DECISION = "alignlab.monitor.decision";
    public static final String AUDIT_SEQ = "alignlab.audit.seq";

    private SpanAttributes() {
    }
}
