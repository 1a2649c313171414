package org.alignlab.k8scheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads and writes on Kafka, from its {@code application.properties}: each incoming channel's topic
 * and consumer group, each outgoing channel's topic, and the dead-letter topics its consumers write to.
 */
public record ServiceChannels(String service, Set<String> reads, Set<String> writes, Set<String> groups) {

    /**
     * Failure strategies that write to the channel's dead-letter topic: SmallRye's own, and the platform's, which
     * dead-letters what the consumer failure policy gives up on (docs/decisions/0011-the-platform-library.md).
     */
    private static final Set<String> DEAD_LETTERING = Set.of("dead-letter-queue", "alignlab-policy");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    public static ServiceChannels read(Path repositoryRoot, String service) {
        Path file = repositoryRoot.resolve("services").resolve(service)
                .resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        properties.stringPropertyNames().stream().map(CHANNEL::matcher).filter(Matcher::matches)
                .filter(m -> "connector".equals(m.group(3)))
                .filter(m -> "smallrye-kafka".equals(properties.getProperty(m.group())))
                .forEach(m -> {
                    String prefix = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
                    String topic = properties.getProperty(prefix + "topic", m.group(2));
                    if ("incoming".equals(m.group(1))) {
                        reads.add(topic);
                        String group = properties.getProperty(prefix + "group.id");
                        if (group != null) {
                            groups.add(group);
                        }
                        if (DEAD_LETTERING.contains(properties.getProperty(prefix + "failure-strategy", ""))) {
                            writes.add(properties.getProperty(prefix + "dead-letter-queue.topic",
                                    "dead-letter-topic-" + topic));
                        }
                    } else {
                        writes.add(topic);
                    }
                });
        return new ServiceChannels(service, reads, writes, groups);
    }
}
