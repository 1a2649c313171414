package org.alignlab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.security.Roles;
import org.alignlab.launcher.Service;

/**
 * Requests generated from each service's OpenAPI document: every operation × every caller × a seeded choice of
 * mutations. Every answer must be below 500, every 4xx {@code application/problem+json}, and every service healthy
 * afterwards. Goals that a request happened to create are cancelled again.
 */
public record RestFuzzer(ChaosStack stack, long seed, int mutationsPerCall, PrintStream out) {

    /** Counts by service and status, and what broke the rules. */
    public record Result(Map<String, Map<Integer, Integer>> byServiceAndStatus, int operations, int requests,
            List<String> violations, Map<String, Integer> violationsByKind) {

        public boolean passed() {
            return violations.isEmpty();
        }

        public String describe() {
            StringBuilder text = new StringBuilder("\n=== REST fuzzing ===\n");
            text.append("  operations: ").append(operations).append(", requests: ").append(requests).append('\n');
            byServiceAndStatus.forEach((service, statuses) -> text.append(String.format("  %-13s %s%n", service,
                    statuses)));
            text.append("  violations: ").append(violations.size()).append(' ').append(violationsByKind).append('\n');
            violations.stream().limit(30).forEach(v -> text.append("   - ").append(v).append('\n'));
            text.append(passed() ? "REST FUZZING PASSED\n" : "REST FUZZING FAILED\n");
            return text.toString();
        }
    }

    private static final int SHOWN_PER_KIND = 5;

    /**
     * What the HTTP server (Vert.x) answers itself, without a body, to a request line or headers past its limits
     * (4,096 and 8,192 bytes): the request is rejected in the codec before any route, filter or exception mapper of
     * the service exists for it, so no service can make it problem+json (quarkusio/quarkus#55082). Counted apart,
     * not as violations; the services' own handling of long values is tested below those limits.
     */
    static final java.util.Set<Integer> SERVER_LIMITS = java.util.Set.of(414, 431);

    public Result run() throws Exception {
        Map<String, String> callers = Callers.all(stack);
        String operator = callers.get(Roles.OPERATOR);
        List<OpenApiOperations.Operation> operations = new ArrayList<>();
        for (Service service : Service.values()) {
            HttpResponse<String> doc = Http.get(stack.url(service).resolve("/q/openapi?format=json"), operator);
            if (doc.statusCode() != 200) {
                throw new IllegalStateException(service.id() + " /q/openapi answered " + doc.statusCode());
            }
            List<OpenApiOperations.Operation> ops = OpenApiOperations.of(service.id(),
                    Json.mapper().readTree(doc.body()));
            out.printf("%-13s %d operations%n", service.id(), ops.size());
            operations.addAll(ops);
        }
        Random random = new Random(seed);
        UUID goal = Goals.create(stack.url(Service.ORCHESTRATOR), i -> callers.get(Roles.RESEARCHER), 1,
                Duration.ofMinutes(5)).get(0);
        RequestHints hints = new RequestHints(goal, decidedAction().orElse(UUID.randomUUID()));
        List<Mutation> all = List.of(Mutation.values());
        Map<String, Map<Integer, Integer>> counts = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> byKind = new ConcurrentHashMap<>();
        List<UUID> createdGoals = Collections.synchronizedList(new ArrayList<>(List.of(goal)));
        AtomicInteger requests = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> pending = new ArrayList<>();
        for (OpenApiOperations.Operation op : operations) {
            FuzzRequest baseline = baseline(op, random, hints);
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                List<Mutation> chosen = new ArrayList<>(all);
                Collections.shuffle(chosen, random);
                chosen = chosen.subList(0, Math.min(mutationsPerCall, chosen.size()));
                if (!chosen.contains(Mutation.BASELINE)) {
                    chosen.set(0, Mutation.BASELINE);
                }
                for (Mutation mutation : chosen) {
                    FuzzRequest request = mutation.apply(baseline);
                    String label = op.name() + " as " + caller.getKey() + " / " + mutation;
                    pending.add(pool.submit(() -> {
                        requests.incrementAndGet();
                        send(op, request, caller.getValue(), label, counts, violations, byKind, createdGoals);
                    }));
                }
            }
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
        cancel(createdGoals, callers.get(Roles.RESEARCHER));
        List<String> unhealthy = Health.unhealthy(stack);
        unhealthy.forEach(u -> {
            violations.add(u);
            byKind.merge("unhealthy afterwards", 1, Integer::sum);
        });
        Map<String, Map<Integer, Integer>> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, new TreeMap<>(v)));
        return new Result(sorted, operations.size(), requests.get(), List.copyOf(violations), new TreeMap<>(byKind));
    }

    private void send(OpenApiOperations.Operation op, FuzzRequest request, String token, String label,
            Map<String, Map<Integer, Integer>> counts, List<String> violations, Map<String, Integer> byKind,
            List<UUID> createdGoals) {
        HttpRequest.Builder builder;
        try {
            URI uri = stack.url(Service.byId(op.service())).resolve(request.pathAndQuery());
            builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(request.method().toUpperCase(java.util.Locale.ROOT), request.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
            if (token != null && !request.headers().containsKey("Authorization")) {
                builder.header("Authorization", "Bearer " + token);
            }
        } catch (IllegalArgumentException e) {
            // A request the HTTP client refuses to build cannot reach the service either.
            counts.computeIfAbsent(op.service(), k -> new ConcurrentHashMap<>()).merge(-1, 1, Integer::sum);
            return;
        }
        try {
            HttpRequest built = builder.build();
            HttpResponse<java.io.InputStream> response;
            try {
                response = Http.client().send(built, HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.io.IOException stale) {
                if (stale.getMessage() == null || !stale.getMessage().contains("received no bytes")) {
                    throw stale;
                }
                // The pooled connection was closed under us after an earlier request's early answer (a 401 or 413 to
                // a large body it did not read); the JDK never resends a POST. Once more, on a connection of its own.
                counts.computeIfAbsent("(resent on a new connection)", k -> new ConcurrentHashMap<>())
                        .merge(0, 1, Integer::sum);
                response = Http.freshClient().send(built, HttpResponse.BodyHandlers.ofInputStream());
            }
            int status = response.statusCode();
            counts.computeIfAbsent(op.service(), k -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body = "";
            try (java.io.InputStream in = response.body()) {
                // A progress stream of a running goal stays open until the goal ends: its headers are the answer.
                if (!type.startsWith("text/event-stream")) {
                    body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                }
            }
            if (status >= 500) {
                violation(violations, byKind, status + " from " + op.service(), label + " → " + status + " "
                        + abbreviate(body));
            } else if (SERVER_LIMITS.contains(status) && type.isEmpty()) {
                counts.computeIfAbsent("(http server limits)", k -> new ConcurrentHashMap<>()).merge(status, 1,
                        Integer::sum);
            } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                violation(violations, byKind, status + " not problem+json from " + op.service(), label + " → " + status
                        + " '" + type + "' " + abbreviate(body));
            } else if (status == 201 && op.path().equals("/api/goals")) {
                try {
                    createdGoals.add(UUID.fromString(Json.parse(body).path("id").asText()));
                } catch (RuntimeException e) {
                    // not a goal after all; nothing to cancel
                }
            }
        } catch (java.net.http.HttpTimeoutException e) {
            counts.computeIfAbsent(op.service(), k -> new ConcurrentHashMap<>()).merge(0, 1, Integer::sum);
            violation(violations, byKind, "no answer in 30 s from " + op.service(), label);
        } catch (Exception e) {
            counts.computeIfAbsent(op.service(), k -> new ConcurrentHashMap<>()).merge(0, 1, Integer::sum);
            violation(violations, byKind, "connection failed to " + op.service(), label + " → " + e);
        }
    }

    private static void violation(List<String> violations, Map<String, Integer> byKind, String kind, String detail) {
        int n = byKind.merge(kind, 1, Integer::sum);
        if (n <= SHOWN_PER_KIND) {
            violations.add(detail);
        } else {
            violations.add(kind);
        }
    }

    /** An action the monitor has decided, so that the action and audit endpoints have something to find. */
    private java.util.Optional<UUID> decidedAction() {
        try (var db = stack.connect();
                var st = db.createStatement();
                var rs = st.executeQuery("select action_id from monitor.verdicts order by decided_at desc limit 1")) {
            return rs.next() ? java.util.Optional.of((UUID) rs.getObject(1)) : java.util.Optional.empty();
        } catch (java.sql.SQLException e) {
            return java.util.Optional.empty();
        }
    }

    private void cancel(List<UUID> goals, String researcher) {
        for (UUID goal : goals) {
            try {
                Http.postJson(stack.url(Service.ORCHESTRATOR).resolve("/api/goals/" + goal + "/cancel"), researcher,
                        "");
            } catch (Exception e) {
                out.println("could not cancel goal " + goal + ": " + e);
            }
        }
        if (!goals.isEmpty()) {
            out.println("cancelled " + goals.size() + " goals the fuzzer's requests created");
        }
    }

    /** A request for the operation from its schemas alone. */
    static FuzzRequest baseline(OpenApiOperations.Operation op, Random random) {
        return baseline(op, random, null);
    }

    /** A well-formed request for the operation: parameters and body from the hints, else from their schemas. */
    static FuzzRequest baseline(OpenApiOperations.Operation op, Random random, RequestHints hints) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : op.parameters()) {
            String name = parameter.path("name").asText();
            String hinted = hints == null ? null : hints.param(op.service(), name);
            String value = java.net.URLEncoder.encode(hinted != null ? hinted
                    : sample(parameter.path("schema"), random, 0).asText(), StandardCharsets.UTF_8);
            switch (parameter.path("in").asText()) {
                case "path" -> pathValues.put(name, value);
                case "query" -> query.add(Map.entry(name, value));
                case "header" -> headers.put(name, value);
                default -> {
                }
            }
        }
        // A template parameter the document does not declare still needs a value.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path());
        while (m.find()) {
            pathValues.putIfAbsent(m.group(1), UUID.randomUUID().toString());
        }
        byte[] body = null;
        if (op.bodyType() != null) {
            headers.put("Content-Type", op.bodyType());
            String hinted = hints == null ? null : hints.body(op);
            body = (hinted != null ? hinted : Json.write(sample(op.bodySchema(), random, 0)))
                    .getBytes(StandardCharsets.UTF_8);
        }
        return new FuzzRequest(op.method(), op.path(), pathValues, query, headers, body);
    }

    /** A plausible value for a schema: enough shape for mutations to spoil, not necessarily a valid request. */
    static JsonNode sample(JsonNode schema, Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return f.textNode("x");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = f.objectNode();
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> p = props.next();
                    object.set(p.getKey(), sample(p.getValue(), random, depth + 1));
                }
                yield object;
            }
            case "array" -> f.arrayNode().add(sample(schema.path("items"), random, depth + 1));
            case "integer" -> f.numberNode(1 + random.nextInt(5));
            case "number" -> f.numberNode(0.5);
            case "boolean" -> f.booleanNode(true);
            default -> switch (format) {
                case "uuid" -> f.textNode(UUID.randomUUID().toString());
                case "date-time" -> f.textNode(Instant.now().toString());
                case "duration" -> f.textNode("PT5M");
                default -> f.textNode("chaos fuzz text");
            };
        };
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
