package org.alignlab.executor.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of the audit-record lookup, against a real HTTP server playing the monitor. */
class MonitorAuditClientTest {

    private static final String TOKEN = "executor-token";
    private static final UUID ACTION = UUID.randomUUID();

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String body;
    private volatile Duration delay = Duration.ZERO;

    @BeforeEach
    void startMonitor() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopMonitor() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(exchange.getRequestURI().getPath());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            sleep(delay);
            byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private MonitorAuditClient client(Optional<String> token) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new MonitorAuditClient(url, token, Duration.ofSeconds(2), TextMapPropagator.noop());
    }

    @Test
    void readsARecordWithItsBearerTokenIgnoringFieldsItDoesNotNeed() {
        body = "{\"seq\":17,\"type\":\"VERDICT\",\"recordedAt\":\"2026-11-26T12:00:00.123456Z\",\"goalId\":\""
                + UUID.randomUUID() + "\",\"actionId\":\"" + ACTION + "\",\"agent\":\"ideation\",\"actor\":\"monitor\","
                + "\"payloadHash\":\"" + "a".repeat(64) + "\",\"decision\":\"ALLOW\",\"suspicion\":0.1,"
                + "\"modelScore\":0.05,\"policyVersion\":\"v1\",\"prevHash\":\"" + "0".repeat(64) + "\",\"hash\":\""
                + "b".repeat(64) + "\",\"somethingNew\":{\"nested\":true}}";

        Optional<MonitorAuditRecord> record = client(Optional.of(TOKEN)).find(17);

        assertThat(record)
                .contains(new MonitorAuditRecord(17, "VERDICT", ACTION, "a".repeat(64), "ALLOW", "b".repeat(64)));
        assertThat(requests).containsExactly("/api/audit/records/17");
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void aRecordWithoutADecisionReadsAsNone() {
        body = "{\"seq\":3,\"type\":\"ACTION_PROPOSED\",\"actionId\":\"" + ACTION + "\",\"hash\":\"" + "c".repeat(64)
                + "\"}";

        assertThat(client(Optional.of(TOKEN)).find(3)).hasValueSatisfying(record -> {
            assertThat(record.type()).isEqualTo("ACTION_PROPOSED");
            assertThat(record.decision()).isNull();
        });
    }

    @Test
    void aMissingRecordIsEmpty() {
        status = 404;

        assertThat(client(Optional.of(TOKEN)).find(99)).isEmpty();
    }

    @Test
    void aServerErrorARefusedTokenOrGarbageLeavesTheAnswerUnknown() {
        for (int failure : new int[] {500, 503, 401, 403, 400}) {
            status = failure;
            assertThatThrownBy(() -> client(Optional.of(TOKEN)).find(5)).as("HTTP %d", failure)
                    .isInstanceOf(MonitorUnavailableException.class).hasMessageContaining(Integer.toString(failure));
        }
        status = 200;
        body = "<html>not the monitor</html>";
        assertThatThrownBy(() -> client(Optional.of(TOKEN)).find(5)).isInstanceOf(MonitorUnavailableException.class)
                .hasMessageContaining("unreadable audit record 5");
    }

    @Test
    void aSlowMonitorTimesOut() {
        delay = Duration.ofSeconds(5);

        assertThatThrownBy(() -> client(Optional.of(TOKEN)).find(5)).isInstanceOf(MonitorUnavailableException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void anUnreachableMonitorLeavesTheAnswerUnknown() {
        MonitorAuditClient client = client(Optional.of(TOKEN));
        server.stop(0);

        assertThatThrownBy(() -> client.find(5)).isInstanceOf(MonitorUnavailableException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void withoutATokenNothingIsAskedAndNothingIsKnown() {
        assertThatThrownBy(() -> client(Optional.empty()).find(5)).isInstanceOf(MonitorUnavailableException.class)
                .hasMessageContaining("monitor-token is not set");
        assertThatThrownBy(() -> client(Optional.of(" ")).find(5)).isInstanceOf(MonitorUnavailableException.class);
        assertThat(requests).isEmpty();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
