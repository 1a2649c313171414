package org.alignlab.platform.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the service's spans to a Zipkin server when {@code alignlab.tracing.zipkin.enabled} is true: the local
 * launcher starts one with the stack and says so, so that a trace can be opened in a browser. In Kubernetes the switch
 * stays off and the service exports OTLP to the collector.
 *
 * <p>The switch is a lookup condition, not a flag read inside the producer, because Quarkus creates its own OTLP
 * exporter only when no {@link SpanExporter} bean can be looked up: a bean that existed but exported nothing would
 * silence OTLP everywhere.
 */
@ApplicationScoped
public class ZipkinExport {

    public static final String ENABLED = "alignlab.tracing.zipkin.enabled";
    public static final String ENDPOINT = "alignlab.tracing.zipkin.endpoint";

    @Produces
    @Singleton
    @LookupIfProperty(name = ENABLED, stringValue = "true")
    SpanExporter zipkin(
            @ConfigProperty(name = ENDPOINT, defaultValue = "http://127.0.0.1:9411/api/v2/spans") URI endpoint) {
        return exporterFor(endpoint);
    }

    /** The exporter that posts Zipkin v2 JSON to {@code endpoint} (a Zipkin server's {@code /api/v2/spans}). */
    static SpanExporter exporterFor(URI endpoint) {
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
                || !endpoint.getPath().endsWith("/api/v2/spans")) {
            throw new IllegalArgumentException(ENDPOINT + " must be a Zipkin server's http(s) …/api/v2/spans, not "
                    + endpoint);
        }
        return ZipkinSpanExporter.builder().setEndpoint(endpoint.toString()).build();
    }
}
