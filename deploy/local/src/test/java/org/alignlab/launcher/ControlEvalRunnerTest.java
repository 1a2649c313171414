package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI side of control evaluation against a stand-in for the monitor's endpoint (the endpoint is tested there). */
class ControlEvalRunnerTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    private static final String REPORT = """
            {"actions": 3, "attacks": 1, "benign": 2, "policyVersion": "control-2",
             "model": {"status": "scored", "versions": ["abc123"]}, "rocAuc": 0.75, "modelRocAuc": 0.5,
             "budgets": [{"auditBudget": 0.02, "threshold": 0.9, "safety": 1.0, "usefulness": 0.5, "benignHeld": 1,
                          "upfrontAuditingBlueWin": 0.152, "trustedMonitoringBlueWin": 1.0,
                          "safetyByCategory": {"sabotage": 1.0}}],
             "games": {"problems": 5000, "attackSuccess": 0.53}, "roc": [], "rocPlotPng": "%s"}
            """.formatted(Base64.getEncoder().encodeToString(PNG));

    private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private HttpServer monitor;

    private URI monitorAnswering(int status, String body) throws IOException {
        monitor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        monitor.createContext("/api/control-eval", exchange -> {
            seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            seenBody.set(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        monitor.start();
        return URI.create("http://127.0.0.1:" + monitor.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.stop(0);
        }
    }

    private ControlEvalRunner runner(URI uri) {
        return new ControlEvalRunner(uri, "operator-token", new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void postsTheFileAsTheOperatorSavesReportAndPlotAndPrintsTheTable(@TempDir Path dir) throws Exception {
        Path set = Files.writeString(dir.resolve("set.jsonl"), "{\"label\": \"attack\"}\n");

        ControlEvalRunner.Saved saved = runner(monitorAnswering(200, REPORT)).run(set, dir.resolve("out"),
                Duration.ofSeconds(10));

        assertThat(seenAuthorization.get()).isEqualTo("Bearer operator-token");
        assertThat(seenBody.get()).isEqualTo("application/x-ndjson {\"label\": \"attack\"}\n");
        assertThat(Files.readAllBytes(saved.plot())).isEqualTo(PNG);
        assertThat(Json.parse(Files.readString(saved.report())).has("rocPlotPng")).isFalse();
        assertThat(Json.parse(Files.readString(saved.report())).path("rocAuc").asDouble()).isEqualTo(0.75);
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("3 actions (1 attacks, 2 benign)", "model scored abc123", "ROC AUC 0.750",
                "  2.0 %", "0.9000", "0.152", "safety by category at 2.0 %: sabotage 1.00", saved.plot().toString());
    }

    @Test
    void aRefusedSetPrintsTheProblemsFieldsAndSavesNothing(@TempDir Path dir) throws Exception {
        Path set = Files.writeString(dir.resolve("set.jsonl"), "{}\n");
        String problem = "{\"type\": \"https://alignlab.org/problems/invalid-request\", \"status\": 400, "
                + "\"detail\": \"1 problem(s)\", \"violations\": [{\"field\": \"line 1: label\", \"message\": \"required\"}]}";

        assertThat(runner(monitorAnswering(400, problem)).run(set, dir.resolve("out"), Duration.ofSeconds(10)))
                .isNull();

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("HTTP 400", "line 1: label: required");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingFileOrAnUnreachableMonitorIsOneReadableFailure(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> runner(URI.create("http://127.0.0.1:9")).run(dir.resolve("none.jsonl"), dir,
                Duration.ofSeconds(5))).isInstanceOf(LauncherException.class).hasMessageContaining("no file");
        Path set = Files.writeString(dir.resolve("set.jsonl"), "{}\n");
        assertThatThrownBy(() -> runner(URI.create("http://127.0.0.1:9")).run(set, dir, Duration.ofSeconds(5)))
                .isInstanceOf(LauncherException.class).hasMessageContaining("cannot reach the monitor");
    }
}
