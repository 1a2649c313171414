package org.alignlab.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rendered object is one the API server would accept: its apiVersion and kind are served (by Kubernetes or by
 * a pinned operator's CRD), and the object matches that schema (see {@link StructuralValidator}): no unknown field,
 * no wrong type, no missing required field. A custom resource's metadata is held to Kubernetes' ObjectMeta, as the
 * API server does, whatever its CRD says of it.
 */
public final class SchemaCheck implements Check {

    static final String INVARIANT = "every object matches the schema of the pinned Kubernetes and operators";

    private final SchemaCatalog catalog;

    public SchemaCheck(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (JsonNode document : manifests.documents()) {
            String object = describe(document);
            String apiVersion = document.path("apiVersion").asText("");
            String kind = document.path("kind").asText("");
            if (apiVersion.isEmpty() || kind.isEmpty()) {
                violations.add(new Violation(object, INVARIANT, "no apiVersion or kind"));
                continue;
            }
            SchemaCatalog.Lookup lookup = catalog.find(apiVersion, kind);
            if (lookup.schema().isEmpty()) {
                violations.add(new Violation(object, INVARIANT, lookup.missing()));
                continue;
            }
            SchemaCatalog.TypeSchema type = lookup.schema().get();
            if (type.custom()) {
                // The CRD's own metadata schema is a bare object: the API server checks metadata itself.
                ObjectNode body = document.deepCopy();
                body.putObject("metadata");
                report(object, type, type.validator().validate(body, type.schema(), kind), violations);
                SchemaCatalog.TypeSchema meta = catalog.objectMeta();
                report(object, meta, meta.validator().validate(document.path("metadata"), meta.schema(),
                        kind + ".metadata"), violations);
            } else {
                report(object, type, type.validator().validate(document, type.schema(), kind), violations);
            }
        }
        return violations;
    }

    private static void report(String object, SchemaCatalog.TypeSchema type, List<String> errors,
            List<Violation> violations) {
        errors.forEach(error -> violations.add(new Violation(object, INVARIANT, error + " [" + type.source() + "]")));
    }

    private static String describe(JsonNode document) {
        JsonNode metadata = document.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        return document.path("kind").asText("?") + " " + (namespace.isEmpty() ? "" : namespace + "/")
                + metadata.path("name").asText("?");
    }
}
