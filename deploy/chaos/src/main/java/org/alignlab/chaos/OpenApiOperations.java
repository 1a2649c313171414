package org.alignlab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations an OpenAPI document declares, with what the fuzzer needs of each. */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** One operation: its parameters and, when it takes one, its JSON body's schema (references resolved lazily). */
    record Operation(String service, String method, String path, List<JsonNode> parameters, String bodyType,
            JsonNode bodySchema) {
        String name() {
            return service + " " + method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> of(String service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>(shared);
                method.getValue().path("parameters").forEach(parameters::add);
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = method.getValue().path("requestBody").path("content")
                        .fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    bodyType = first.getKey();
                    bodySchema = resolve(document, first.getValue().path("schema"));
                }
                operations.add(new Operation(service, method.getKey(), path.getKey(), parameters, bodyType,
                        bodySchema));
            }
        }
        return operations;
    }

    /** Follows {@code $ref}s within the document (a few levels; the fuzzer only needs a body's shape). */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }
}
