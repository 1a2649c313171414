package org.alignlab.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The objects of one rendered overlay. Kinds the fabric8 model knows come back typed (Deployment, Role, ...);
 * custom resources (Strimzi, CloudNativePG, Prometheus Operator) as {@link GenericKubernetesResource}. Each object's
 * document is kept as parsed too, before any model touched it, for the schema check: a typed model would coerce a
 * quoted number or drop nothing a real API server would reject.
 */
public final class Manifests {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<HasMetadata> objects;
    private final List<JsonNode> documents;

    private Manifests(List<HasMetadata> objects, List<JsonNode> documents) {
        this.objects = List.copyOf(objects);
        this.documents = List.copyOf(documents);
    }

    /** Parses a multi-document YAML stream such as {@code kubectl kustomize} prints. */
    public static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.isBlank() || document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            KubernetesResource parsed = SERIALIZATION.unmarshal(document, KubernetesResource.class);
            if (!(parsed instanceof HasMetadata object)) {
                throw new IllegalArgumentException("not a Kubernetes object: " + document.lines().limit(3).toList());
            }
            objects.add(object);
            try {
                documents.add(YAML.readTree(document));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse " + document.lines().limit(3).toList(), e);
            }
        }
        return new Manifests(objects, documents);
    }

    public List<HasMetadata> all() {
        return objects;
    }

    /** Every object as its YAML document said it, in the order rendered. */
    public List<JsonNode> documents() {
        return documents;
    }

    public <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of one kind, e.g. {@code KafkaUser}. */
    public List<GenericKubernetesResource> custom(String kind) {
        return objects.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).filter(object -> kind.equals(object.getKind())).toList();
    }

    /** {@code Kind namespace/name}, or {@code Kind name} for a cluster-scoped object. */
    public static String describe(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }

    /** Walks nested maps of a custom resource; null where any step is missing. */
    public static Object path(GenericKubernetesResource object, String... keys) {
        Object at = object.getAdditionalProperties();
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(key);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> listOfMaps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }

    /** The ACL entries of a Strimzi KafkaUser, empty when it has none. */
    public static List<Map<String, Object>> acls(GenericKubernetesResource user) {
        return listOfMaps(path(user, "spec", "authorization", "acls"));
    }

    public static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
