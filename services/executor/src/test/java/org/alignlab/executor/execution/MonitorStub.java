package org.alignlab.executor.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;
import org.alignlab.contracts.audit.ChainVerifier;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.Sha256;

/**
 * The monitor's audit-record endpoint ({@code GET /api/audit/records/{seq}}, bearer token required) served by a
 * real HTTP server on a free port, over a real hash chain of {@link ChainEntry} records that the test appends
 * to. The test stops and restarts the server to play a monitor that is down, or has it fail every request.
 */
public class MonitorStub implements QuarkusTestResourceLifecycleManager {

    private static final String RECORDS_PATH = "/api/audit/records/";
    private static final String EXECUTIONS_PATH = "/api/audit/executions/";
    private static final String CHAIN = "main";

    private static MonitorStub running;

    private final String token = UUID.randomUUID().toString();
    private final List<ChainLink> chain = new ArrayList<>();
    private final Map<Long, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile int failingWith;
    private int port;
    private HttpServer server;

    /** The stub the test resource started for this test JVM. */
    static MonitorStub running() {
        return running;
    }

    @Override
    public synchronized Map<String, String> start() {
        serve(new InetSocketAddress("127.0.0.1", 0));
        port = server.getAddress().getPort();
        running = this;
        return Map.of("alignlab.executor.monitor-url", "http://127.0.0.1:" + port,
                "alignlab.executor.monitor-token", token);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Stops answering: connections are refused until {@link #comeBack()}. */
    synchronized void goDown() {
        stop();
    }

    /** Serves again on the same port, healthy. */
    synchronized void comeBack() {
        comeBackFailing(0);
    }

    /** Serves again on the same port, answering every lookup with this status (a 5xx, a 401). */
    synchronized void comeBackFailing(int status) {
        failingWith = status;
        if (server == null) {
            serve(new InetSocketAddress("127.0.0.1", port));
        }
    }

    /** How many lookups of this seq reached the server, answered or failed. */
    int requestsFor(long seq) {
        return requests.getOrDefault(seq, new AtomicInteger()).get();
    }

    /** Commits the monitor's VERDICT ALLOW for an action, as the gate does. */
    synchronized ChainLink allow(AgentAction action) {
        return append("VERDICT", action, "ALLOW");
    }

    /** Commits a record of any type about an action, chained to the one before it. */
    synchronized ChainLink append(String type, AgentAction action, String decision) {
        ChainLink head = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        ChainEntry entry = new ChainEntry(CHAIN, chain.size() + 1L, Instant.now().truncatedTo(ChronoUnit.MICROS),
                type, action.goalId(), action.id(), "ideation", null, Sha256.ofCanonical(action), decision, 0.1,
                0.05, "monitor", "test-policy", null, null, null, null, null,
                head == null ? ChainVerifier.GENESIS_HASH : head.hash());
        ChainLink link = new ChainLink(entry, entry.computeHash());
        chain.add(link);
        return link;
    }

    private void serve(InetSocketAddress address) {
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the monitor stub on " + address, e);
        }
        server.createContext(RECORDS_PATH, this::record);
        server.createContext(EXECUTIONS_PATH, this::executions);
        server.start();
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"status\":401}");
                return;
            }
            long seq = Long.parseLong(exchange.getRequestURI().getPath().substring(RECORDS_PATH.length()));
            requests.computeIfAbsent(seq, s -> new AtomicInteger()).incrementAndGet();
            int failure = failingWith;
            if (failure != 0) {
                respond(exchange, failure, "{\"status\":" + failure + "}");
                return;
            }
            ChainLink link = find(seq);
            if (link == null) {
                respond(exchange, 404, "{\"status\":404}");
                return;
            }
            respond(exchange, 200, Json.write(asMonitorShowsIt(link)));
        }
    }

    /** {@code GET /api/audit/executions/{actionId}}: the action's EXECUTION_* records, as the monitor answers. */
    private void executions(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"status\":401}");
                return;
            }
            int failure = failingWith;
            if (failure != 0) {
                respond(exchange, failure, "{\"status\":" + failure + "}");
                return;
            }
            UUID actionId = UUID.fromString(exchange.getRequestURI().getPath().substring(EXECUTIONS_PATH.length()));
            ArrayNode records = Json.mapper().createArrayNode();
            executionLinks(actionId).forEach(link -> records.add(asMonitorShowsIt(link)));
            respond(exchange, 200, records.toString());
        }
    }

    private synchronized List<ChainLink> executionLinks(UUID actionId) {
        return chain.stream().filter(link -> actionId.equals(link.entry().actionId())
                && link.entry().type().startsWith("EXECUTION_")).toList();
    }

    private synchronized ChainLink find(long seq) {
        return seq >= 1 && seq <= chain.size() ? chain.get((int) seq - 1) : null;
    }

    /** The monitor's API form: every hashed field but the chain name, plus the hash. */
    private static ObjectNode asMonitorShowsIt(ChainLink link) {
        ObjectNode record = (ObjectNode) Json.tree(link.entry());
        record.remove("chain");
        record.put("hash", link.hash());
        return record;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
