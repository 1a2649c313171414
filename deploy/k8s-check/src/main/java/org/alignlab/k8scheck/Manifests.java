package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The objects of one rendered overlay. Kinds the fabric8 model knows come back typed (Deployment, Role, ...);
 * custom resources (Strimzi, CloudNativePG, Prometheus Operator) as {@link GenericKubernetesResource}.
 */
public final class Manifests {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Parses a multi-document YAML stream such as {@code kubectl kustomize} prints. */
    public static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.isBlank() || document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            KubernetesResource parsed = SERIALIZATION.unmarshal(document, KubernetesResource.class);
            if (!(parsed instanceof HasMetadata object)) {
                throw new IllegalArgumentException("not a Kubernetes object: " + document.lines().limit(3).toList());
            }
            objects.add(object);
        }
        return new Manifests(objects);
    }

    public List<HasMetadata> all() {
        return objects;
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
