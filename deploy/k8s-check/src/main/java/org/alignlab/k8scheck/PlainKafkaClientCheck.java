package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Kafka client a component builds itself (PlainKafkaClients) connects as the channels do and is authorised:
 * it takes the channels' security settings from configuration, and its component's KafkaUser (named like the
 * component) grants Read on each topic a consumer of it reads, Write on each a producer writes, Describe for an
 * admin client. KafkaAclCoverageCheck covers the channels; this covers what they cannot see.
 */
public final class PlainKafkaClientCheck implements Check {

    static final String SECURITY = "every Kafka client takes the channels' security settings";
    static final String AUTHORISED = "every Kafka client's topics are authorised";
    /** Operations that imply another in Kafka's authoriser. */
    private static final Map<String, Set<String>> IMPLIED_BY = Map.of(
            "Read", Set.of("Read", "All"),
            "Write", Set.of("Write", "All"),
            "Describe", Set.of("Describe", "Read", "Write", "Delete", "Alter", "All"));

    private final List<PlainKafkaClients.Client> clients;

    public PlainKafkaClientCheck(List<PlainKafkaClients.Client> clients) {
        this.clients = List.copyOf(clients);
    }

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (PlainKafkaClients.Client client : clients) {
            String object = client.component() + " " + client.file();
            if (!client.settingsFromConfiguration()) {
                violations.add(new Violation(object, SECURITY, "builds a Kafka " + String.join("/", client.kinds())
                        + " without them: take " + String.join(" or ", PlainKafkaClients.SETTINGS_SOURCES)
                        + ", so security.protocol, sasl.* and ssl.* reach it as they reach the channels"));
            }
            Optional<GenericKubernetesResource> user = manifests.custom("KafkaUser").stream()
                    .filter(u -> client.component().equals(u.getMetadata().getName())).findFirst();
            if (user.isEmpty()) {
                violations.add(new Violation(object, AUTHORISED, "no KafkaUser " + client.component()
                        + " is rendered, so it cannot authenticate"));
                continue;
            }
            for (String topic : client.topics()) {
                for (String operation : operations(client.kinds())) {
                    if (!granted(user.get(), topic, operation)) {
                        violations.add(new Violation(Manifests.describe(user.get()), AUTHORISED, operation
                                + " on topic " + topic + " is not granted, but " + client.file() + " needs it"));
                    }
                }
            }
        }
        return violations;
    }

    private static List<String> operations(Set<String> kinds) {
        List<String> operations = new ArrayList<>();
        if (kinds.contains("consumer")) {
            operations.add("Read");
        }
        if (kinds.contains("producer")) {
            operations.add("Write");
        }
        if (kinds.contains("admin")) {
            operations.add("Describe");
        }
        return operations;
    }

    private static boolean granted(GenericKubernetesResource user, String topic, String operation) {
        for (Map<String, Object> acl : Manifests.acls(user)) {
            Map<?, ?> resource = acl.get("resource") instanceof Map<?, ?> m ? m : Map.of();
            if (!"topic".equals(resource.get("type")) || "deny".equals(acl.get("type"))) {
                continue;
            }
            String name = Manifests.text(resource.get("name"));
            boolean prefix = "prefix".equals(resource.get("patternType"));
            boolean covers = "*".equals(name) || (prefix ? name != null && topic.startsWith(name) : topic.equals(name));
            List<?> operations = acl.get("operations") instanceof List<?> l ? l : List.of();
            if (covers && operations.stream().map(String::valueOf).anyMatch(IMPLIED_BY.get(operation)::contains)) {
                return true;
            }
        }
        return false;
    }
}
