package org.alignlab.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every topic of {@code contracts/asyncapi.yaml}, and the dead-letter topic of each, has a Strimzi KafkaTopic
 * (the broker runs with auto.create.topics.enable=false, so a missing one stops the service that needs it).
 */
public final class TopicCoverageCheck implements Check {

    static final String DLQ_SUFFIX = ".dlq";
    private final Set<String> topics;

    public TopicCoverageCheck(Set<String> topics) {
        this.topics = Set.copyOf(topics);
    }

    /** The channel addresses of an AsyncAPI 3 document, each with its {@code .dlq} twin. */
    public static TopicCoverageCheck fromAsyncApi(Path asyncApi) {
        JsonNode channels;
        try {
            channels = new ObjectMapper(new YAMLFactory()).readTree(asyncApi.toFile()).path("channels");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + asyncApi, e);
        }
        Set<String> topics = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = channels.elements(); it.hasNext();) {
            String address = it.next().path("address").asText(null);
            if (address != null) {
                topics.add(address);
                if (!address.endsWith(DLQ_SUFFIX)) {
                    topics.add(address + DLQ_SUFFIX);
                }
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException(asyncApi + " names no channel address");
        }
        return new TopicCoverageCheck(topics);
    }

    public Set<String> topics() {
        return topics;
    }

    @Override
    public List<Violation> check(Manifests manifests) {
        Set<String> declared = new LinkedHashSet<>();
        for (GenericKubernetesResource topic : manifests.custom("KafkaTopic")) {
            String name = Manifests.text(Manifests.path(topic, "spec", "topicName"));
            declared.add(name != null ? name : topic.getMetadata().getName());
        }
        List<Violation> violations = new ArrayList<>();
        topics.stream().filter(topic -> !declared.contains(topic)).sorted().forEach(topic -> violations.add(
                new Violation("KafkaTopic " + topic, "every AsyncAPI topic and its DLQ has a KafkaTopic",
                        "no KafkaTopic has topicName " + topic)));
        return violations;
    }
}
