package org.alignlab.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ZipkinExportTest {

    @Test
    void aFinishedSpanIsPostedAsZipkinV2JsonToTheEndpoint() throws Exception {
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer zipkin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        zipkin.createContext("/api/v2/spans", exchange -> {
            try (exchange) {
                InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(exchange.getRequestBody())
                        : exchange.getRequestBody();
                posted.add(exchange.getRequestMethod() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(202, -1);
            }
        });
        zipkin.start();
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(ZipkinExport.exporterFor(URI.create(
                        "http://127.0.0.1:" + zipkin.getAddress().getPort() + "/api/v2/spans"))))
                .build()) {
            Span span = tracing.get("test").spanBuilder("invoke_agent ideation").startSpan();
            span.setAttribute("alignlab.action.id", "a-1");
            span.end();
            tracing.forceFlush().join(10, TimeUnit.SECONDS);

            assertThat(posted).singleElement().satisfies(body -> assertThat(body)
                    .startsWith("POST [")
                    .contains("\"traceId\":\"" + span.getSpanContext().getTraceId() + "\"")
                    .contains("\"name\":\"invoke_agent ideation\"")
                    .contains("\"alignlab.action.id\":\"a-1\""));
        } finally {
            zipkin.stop(0);
        }
    }

    @Test
    void anEndpointThatIsNotAZipkinSpanApiIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ZipkinExport.exporterFor(URI.create("http://127.0.0.1:4317")))
                .hasMessageContaining(ZipkinExport.ENDPOINT);
        assertThatThrownBy(() -> ZipkinExport.exporterFor(URI.create("file:///api/v2/spans")))
                .hasMessageContaining(ZipkinExport.ENDPOINT);
    }
}
