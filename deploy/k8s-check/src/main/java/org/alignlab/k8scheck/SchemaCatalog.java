package org.alignlab.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schemas an API server with the pinned operators installed would hold each object to: the Kubernetes OpenAPI v3
 * (one document per group-version, {@code kubernetes-<version>/*.json}) for built-in kinds, and the
 * CustomResourceDefinitions of each pinned operator ({@code <operator>-<version>/*.json} or {@code .yaml}) for the
 * rest. Which directories are read is decided by {@code k8s/versions.yaml}, so bumping a version there without its
 * schemas fails instead of validating against the old ones.
 */
public final class SchemaCatalog {

    /** The entries of k8s/versions.yaml whose schemas the rendered objects need. */
    public static final List<String> SCHEMA_SOURCES = List.of("kubernetes", "strimzi", "cloudnative-pg",
            "plugin-barman-cloud", "prometheus-operator");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /** The schema of one apiVersion and kind, and what checks it. */
    public record TypeSchema(String source, JsonNode schema, StructuralValidator validator, boolean custom) {
    }

    /** A CRD's versions of one kind, with where the CRD came from. */
    private record Crd(String source, String name, Map<String, JsonNode> versions, Map<String, Boolean> served) {
    }

    private final Map<String, JsonNode> definitions;
    private final Map<String, String> builtinKinds;
    private final Map<String, Crd> crds;
    private final StructuralValidator builtinValidator;
    private final StructuralValidator crdValidator;

    private SchemaCatalog(Map<String, JsonNode> definitions, Map<String, String> builtinKinds,
            Map<String, Crd> crds) {
        this.definitions = definitions;
        this.builtinKinds = builtinKinds;
        this.crds = crds;
        this.builtinValidator = new StructuralValidator(definitions, false);
        this.crdValidator = new StructuralValidator(Map.of(), true);
    }

    /** Loads the schemas of the versions pinned in {@code versions} from {@code directory}. */
    public static SchemaCatalog load(Path directory, PinnedVersions versions) {
        Map<String, JsonNode> definitions = new HashMap<>();
        Map<String, String> builtinKinds = new HashMap<>();
        Map<String, Crd> crds = new LinkedHashMap<>();
        for (String source : SCHEMA_SOURCES) {
            String pinned = source + "-" + versions.version(source);
            Path folder = directory.resolve(pinned);
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("no schemas for " + pinned + " (k8s/versions.yaml) at " + folder);
            }
            for (Path file : files(folder)) {
                JsonNode document = read(file);
                if ("kubernetes".equals(source)) {
                    addOpenApi(document, definitions, builtinKinds);
                } else if ("CustomResourceDefinition".equals(document.path("kind").asText())) {
                    addCrd(pinned, document, crds);
                }
            }
        }
        if (!definitions.containsKey(OBJECT_META)) {
            throw new IllegalStateException("the Kubernetes OpenAPI under " + directory + " defines no ObjectMeta");
        }
        return new SchemaCatalog(definitions, builtinKinds, crds);
    }

    private static void addOpenApi(JsonNode document, Map<String, JsonNode> definitions,
            Map<String, String> builtinKinds) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields(); it
                .hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            definitions.putIfAbsent(entry.getKey(), entry.getValue());
            for (JsonNode gvk : entry.getValue().path("x-kubernetes-group-version-kind")) {
                builtinKinds.putIfAbsent(key(apiVersion(gvk.path("group").asText(), gvk.path("version").asText()),
                        gvk.path("kind").asText()), entry.getKey());
            }
        }
    }

    private static void addCrd(String source, JsonNode crd, Map<String, Crd> crds) {
        JsonNode spec = crd.path("spec");
        Map<String, JsonNode> versions = new LinkedHashMap<>();
        Map<String, Boolean> served = new LinkedHashMap<>();
        for (JsonNode version : spec.path("versions")) {
            versions.put(version.path("name").asText(), version.path("schema").path("openAPIV3Schema"));
            served.put(version.path("name").asText(), version.path("served").asBoolean(false));
        }
        crds.put(spec.path("group").asText() + "/" + spec.path("names").path("kind").asText(),
                new Crd(source, crd.path("metadata").path("name").asText(), versions, served));
    }

    /** The schema of {@code apiVersion} {@code kind}, or why the API server would answer "no matches for kind". */
    public Lookup find(String apiVersion, String kind) {
        String builtin = builtinKinds.get(key(apiVersion, kind));
        if (builtin != null) {
            return new Lookup(Optional.of(new TypeSchema("kubernetes " + builtin, definitions.get(builtin),
                    builtinValidator, false)), null);
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        Crd crd = crds.get(group + "/" + kind);
        if (crd == null) {
            return new Lookup(Optional.empty(), "no matches for kind " + kind + " in version " + apiVersion
                    + ": neither Kubernetes nor a pinned operator's CRD defines it");
        }
        if (!Boolean.TRUE.equals(crd.served().get(version))) {
            List<String> servedVersions = new ArrayList<>();
            crd.served().forEach((name, isServed) -> {
                if (isServed) {
                    servedVersions.add(group + "/" + name);
                }
            });
            return new Lookup(Optional.empty(), "no matches for kind " + kind + " in version " + apiVersion + ": "
                    + crd.source() + " serves " + servedVersions + " only");
        }
        return new Lookup(Optional.of(new TypeSchema(crd.source() + " " + crd.name(), crd.versions().get(version),
                crdValidator, true)), null);
    }

    /** Kubernetes' ObjectMeta: what every object's metadata is checked against, custom resources' included. */
    public TypeSchema objectMeta() {
        return new TypeSchema("kubernetes " + OBJECT_META, definitions.get(OBJECT_META), builtinValidator, false);
    }

    /** Found, or not with the reason why. */
    public record Lookup(Optional<TypeSchema> schema, String missing) {
    }

    private static String apiVersion(String group, String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
