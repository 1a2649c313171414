package org.alignlab.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kafka clients a deployable component builds itself, outside the SmallRye connector (whose channels
 * {@link ServiceChannels} reads from configuration): every {@code new KafkaConsumer}, {@code new KafkaProducer} and
 * {@code Admin.create} in {@code services/<name>/src/main/java} and {@code tools/<name>/src/main/java}, with the
 * topics the file names through {@code Topics} constants or literally. deploy/ is left out: its harnesses (infra,
 * bench, chaos, the launcher) talk only to the local broker they start themselves, never to a cluster.
 */
public final class PlainKafkaClients {

    /**
     * Where a plain client takes the channels' security settings from: in a Quarkus service, the connector's own
     * configuration map (every kafka.* key, KAFKA_* in the environment); in a standalone tool, KafkaClientSettings
     * (the same KAFKA_* variables, or a client properties file).
     */
    static final List<String> SETTINGS_SOURCES = List.of("@Identifier(\"default-kafka-broker\")",
            "KafkaClientSettings");
    private static final Pattern CONSUMER = Pattern.compile("new\\s+KafkaConsumer\\s*[<(]");
    private static final Pattern PRODUCER = Pattern.compile("new\\s+KafkaProducer\\s*[<(]");
    private static final Pattern ADMIN = Pattern.compile("\\b(Admin|AdminClient)\\.create\\s*\\(");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");
    private static final Pattern CONSTANT_DECLARATION = Pattern.compile(
            "static\\s+final\\s+String\\s+([A-Z_]+)\\s*=\\s*\"([^\"]+)\"");

    /** One file that builds a client: which kinds, which topics, and whether it takes the channels' settings. */
    public record Client(String component, String file, Set<String> kinds, Set<String> topics,
            boolean settingsFromConfiguration) {
    }

    private PlainKafkaClients() {
    }

    /** The topic constants of contracts' Topics class, by constant name. */
    public static Map<String, String> topicConstants(Path repositoryRoot) {
        Path file = repositoryRoot.resolve("contracts/src/main/java/org/alignlab/contracts/Topics.java");
        Map<String, String> topics = new LinkedHashMap<>();
        Matcher matcher = CONSTANT_DECLARATION.matcher(read(file));
        while (matcher.find()) {
            topics.put(matcher.group(1), matcher.group(2));
        }
        return topics;
    }

    /** Every plain client under {@code sourcesRoot}'s services/ and tools/. */
    public static List<Client> scan(Path sourcesRoot, Map<String, String> topicConstants) {
        List<Client> clients = new ArrayList<>();
        for (String area : List.of("services", "tools")) {
            Path dir = sourcesRoot.resolve(area);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> f.toString().contains("/src/main/java/")).sorted().toList()) {
                    client(sourcesRoot, dir, file, topicConstants).ifPresent(clients::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot walk " + dir, e);
            }
        }
        return clients;
    }

    private static Optional<Client> client(Path root, Path area, Path file, Map<String, String> topics) {
        String source = read(file);
        Set<String> kinds = new TreeSet<>();
        if (CONSUMER.matcher(source).find()) {
            kinds.add("consumer");
        }
        if (PRODUCER.matcher(source).find()) {
            kinds.add("producer");
        }
        if (ADMIN.matcher(source).find()) {
            kinds.add("admin");
        }
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        Set<String> named = new TreeSet<>();
        Matcher constant = TOPIC_CONSTANT.matcher(source);
        while (constant.find()) {
            if (topics.containsKey(constant.group(1))) {
                named.add(topics.get(constant.group(1)));
            }
        }
        topics.values().stream().filter(topic -> source.contains("\"" + topic + "\"")).forEach(named::add);
        String component = area.relativize(file).getName(0).toString();
        boolean fromConfiguration = SETTINGS_SOURCES.stream().anyMatch(source::contains);
        return Optional.of(new Client(component, root.relativize(file).toString(), kinds, named,
                fromConfiguration));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
