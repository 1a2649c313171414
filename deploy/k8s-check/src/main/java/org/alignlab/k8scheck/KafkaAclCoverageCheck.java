package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each service's KafkaUser grants exactly what its channels use (ServiceChannels): without a grant the service
 * cannot start its consumer or publisher; a write grant beyond its channels is privilege it does not need.
 */
public final class KafkaAclCoverageCheck implements Check {

    private final List<ServiceChannels> services;

    public KafkaAclCoverageCheck(List<ServiceChannels> services) {
        this.services = List.copyOf(services);
    }

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (ServiceChannels service : services) {
            GenericKubernetesResource user = manifests.custom("KafkaUser").stream()
                    .filter(u -> service.service().equals(u.getMetadata().getName())).findFirst().orElse(null);
            if (user == null) {
                violations.add(new Violation("KafkaUser alignlab/" + service.service(),
                        "a KafkaUser per service", "not rendered, so " + service.service() + " cannot connect"));
                continue;
            }
            Set<String> reads = new HashSet<>();
            Set<String> writes = new HashSet<>();
            Set<String> groups = new HashSet<>();
            for (Map<String, Object> acl : Manifests.acls(user)) {
                Map<?, ?> resource = acl.get("resource") instanceof Map<?, ?> m ? m : Map.of();
                String name = Manifests.text(resource.get("name"));
                List<?> operations = acl.get("operations") instanceof List<?> l ? l : List.of();
                if ("group".equals(resource.get("type")) && operations.contains("Read")) {
                    groups.add(name);
                } else if ("topic".equals(resource.get("type"))) {
                    if (operations.contains("Read")) {
                        reads.add(name);
                    }
                    if (operations.contains("Write")) {
                        writes.add(name);
                    }
                }
            }
            String object = Manifests.describe(user);
            missing(object, "Read on topic", service.reads(), reads, violations);
            missing(object, "Read on group", service.groups(), groups, violations);
            missing(object, "Write on topic", service.writes(), writes, violations);
            writes.stream().filter(topic -> !service.writes().contains(topic)).sorted()
                    .forEach(topic -> violations.add(new Violation(object, "least-privilege Kafka ACLs per service",
                            "Write on topic " + topic + ", which no channel of " + service.service() + " publishes")));
        }
        return violations;
    }

    private static void missing(String object, String what, Set<String> needed, Set<String> granted,
            List<Violation> violations) {
        needed.stream().filter(n -> !granted.contains(n)).sorted().forEach(n -> violations.add(new Violation(object,
                "the service's channels are authorised", what + " " + n + " is used but not granted")));
    }
}
