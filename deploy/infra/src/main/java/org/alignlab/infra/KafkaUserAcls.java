package org.alignlab.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The per-service ACLs of the Kubernetes deployment's Strimzi KafkaUsers ({@code k8s/base/kafka/users.yaml},
 * bundled into this module at build time), as Kafka ACL bindings: the local broker grants exactly what the
 * cluster does, from the same file, so a channel that works locally but lacks its ACL in Kubernetes cannot exist.
 */
public final class KafkaUserAcls {

    static final String RESOURCE = "kafka-users/users.yaml";

    private KafkaUserAcls() {
    }

    /** Every KafkaUser of the bundled file, by name, with its ACL bindings. */
    public static Map<String, List<AclBinding>> bundled() {
        try (InputStream in = KafkaUserAcls.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: rebuild deploy/infra");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Map<String, List<AclBinding>> parse(InputStream yaml) throws IOException {
        Map<String, List<AclBinding>> users = new LinkedHashMap<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || !"KafkaUser".equals(document.path("kind").asText())) {
                    continue;
                }
                String user = document.path("metadata").path("name").asText();
                List<AclBinding> bindings = new ArrayList<>();
                for (JsonNode acl : document.path("spec").path("authorization").path("acls")) {
                    ResourcePattern resource = resource(user, acl.path("resource"));
                    for (JsonNode operation : acl.path("operations")) {
                        bindings.add(new AclBinding(resource, new AccessControlEntry("User:" + user, "*",
                                operation(operation.asText()), AclPermissionType.ALLOW)));
                    }
                }
                users.put(user, List.copyOf(bindings));
            }
        }
        return users;
    }

    private static ResourcePattern resource(String user, JsonNode resource) {
        ResourceType type = switch (resource.path("type").asText()) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            default -> throw new IllegalArgumentException("KafkaUser " + user + ": unknown resource type "
                    + resource.path("type").asText());
        };
        String name = type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
        PatternType pattern = PatternType.fromString(resource.path("patternType").asText("literal")
                .toUpperCase(Locale.ROOT));
        return new ResourcePattern(type, name, pattern);
    }

    private static AclOperation operation(String name) {
        AclOperation operation = AclOperation.fromString(
                name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        if (operation == AclOperation.UNKNOWN) {
            throw new IllegalArgumentException("unknown ACL operation " + name);
        }
        return operation;
    }
}
