package org.alignlab.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates every AlignLab topic and its dead-letter twin; topics that exist are left alone. */
public final class TopicSetup {

    /** Partitions per topic: goals spread over two partitions so per-goal ordering is kept by key. */
    public static final int PARTITIONS = 2;

    private TopicSetup() {
    }

    public static List<String> allTopicNames() {
        List<String> names = new ArrayList<>();
        for (String topic : Topics.ALL) {
            names.add(topic);
            names.add(Topics.dlq(topic));
        }
        return names;
    }

    /** Creates the missing topics and returns the names of those it created. */
    public static List<String> createAll(KafkaAccess access) throws InterruptedException {
        Map<String, Object> config = access.clientProperties();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = allTopicNames().stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "cannot create topics on " + access.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }
}
