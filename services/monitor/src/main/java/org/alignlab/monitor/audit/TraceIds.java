package org.alignlab.monitor.audit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The trace id an audit record keeps, so a reviewer can jump from the record to its trace. */
public final class TraceIds {

    private TraceIds() {
    }

    /** The current span's trace id, or null outside a valid trace. */
    public static String current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
