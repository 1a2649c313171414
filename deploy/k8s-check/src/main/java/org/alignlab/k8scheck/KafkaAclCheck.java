package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Only the monitor's KafkaUser may write {@code execution.tickets} (a ticket is the monitor's word that an action
 * was audited and allowed) and {@code audit.checkpoints} (the signed statements the audit chain is checked against);
 * in particular no agent service may. A prefixed or wildcard ACL that covers either topic counts as a grant.
 * Every user must be authorised by ACLs at all, and the broker must enforce them with no super users.
 */
public final class KafkaAclCheck implements Check {

    static final Set<String> MONITOR_ONLY = Set.of("execution.tickets", "audit.checkpoints");
    static final String MONITOR = "monitor";
    private static final Set<String> WRITING = Set.of("Write", "All", "Create", "Alter", "Delete");

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (GenericKubernetesResource kafka : manifests.custom("Kafka")) {
            checkBroker(kafka, violations);
        }
        for (GenericKubernetesResource user : manifests.custom("KafkaUser")) {
            String name = user.getMetadata().getName();
            String object = Manifests.describe(user);
            if (!"simple".equals(Manifests.text(Manifests.path(user, "spec", "authorization", "type")))) {
                violations.add(new Violation(object, "least-privilege Kafka ACLs per service",
                        "spec.authorization.type is not simple"));
                continue;
            }
            for (Map<String, Object> acl : Manifests.acls(user)) {
                Map<?, ?> resource = acl.get("resource") instanceof Map<?, ?> m ? m : Map.of();
                if (!"topic".equals(Manifests.text(resource.get("type")))) {
                    continue;
                }
                String pattern = resource.get("patternType") == null ? "literal"
                        : Manifests.text(resource.get("patternType"));
                String topic = Manifests.text(resource.get("name"));
                Object single = acl.get("operation");
                List<?> operations = acl.get("operations") instanceof List<?> l ? l
                        : single == null ? List.of() : List.of(single);
                boolean writes = operations.stream().map(String::valueOf).anyMatch(WRITING::contains);
                for (String guarded : MONITOR_ONLY) {
                    if (writes && covers(pattern, topic, guarded) && !MONITOR.equals(name)) {
                        violations.add(new Violation(object, "only the monitor's KafkaUser writes " + guarded,
                                "ACL " + operations + " on topic " + topic + " (" + pattern + ")"));
                    }
                }
            }
        }
        return violations;
    }

    /** ACLs mean nothing unless the broker enforces them, and a super user bypasses them all. */
    private static void checkBroker(GenericKubernetesResource kafka, List<Violation> violations) {
        String object = Manifests.describe(kafka);
        Object authorization = Manifests.path(kafka, "spec", "kafka", "authorization", "type");
        if (!"simple".equals(Manifests.text(authorization))) {
            violations.add(new Violation(object, "the broker enforces the KafkaUsers' ACLs",
                    "spec.kafka.authorization.type is " + authorization + ", not simple"));
        }
        Object superUsers = Manifests.path(kafka, "spec", "kafka", "authorization", "superUsers");
        if (superUsers instanceof List<?> list && !list.isEmpty()) {
            violations.add(new Violation(object, "the broker enforces the KafkaUsers' ACLs",
                    "super users " + list + " bypass every ACL, execution.tickets included"));
        }
    }

    private static boolean covers(String pattern, String aclTopic, String topic) {
        if (aclTopic == null) {
            return false;
        }
        if ("*".equals(aclTopic)) {
            return true;
        }
        return "prefix".equalsIgnoreCase(pattern) ? topic.startsWith(aclTopic) : topic.equals(aclTopic);
    }
}
