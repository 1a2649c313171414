package org.alignlab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.alignlab.infra.KafkaAccess;
import org.alignlab.infra.KafkaBroker;
import org.alignlab.infra.PostgresServer;
import org.alignlab.infra.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The broker and database under the benchmark: a real KRaft broker in this JVM and a real PostgreSQL server
 * (deploy/infra) on free loopback ports with fresh data, or ones the caller names. Every AlignLab topic and the
 * echo's two topics exist before anything is sent.
 */
final class BenchInfra implements AutoCloseable {

    /** Where PostgreSQL is and who connects. */
    record Database(String jdbcUrl, String user, String password) {
    }

    private final String bootstrapServers;
    private final Database database;
    private final List<AutoCloseable> owned;

    private BenchInfra(String bootstrapServers, Database database, List<AutoCloseable> owned) {
        this.bootstrapServers = bootstrapServers;
        this.database = database;
        this.owned = owned;
    }

    /**
     * Starts what is not given. {@code bootstrap} and {@code database} may be null; {@code dataDir} must be
     * empty or absent, since a fresh broker and database keep one run's figures from another's data.
     */
    static BenchInfra start(Path dataDir, String bootstrap, Database database, PrintStream out) throws Exception {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            if (database == null) {
                PostgresServer postgres = PostgresServer.start(dataDir.resolve("postgres"), freePort(1));
                owned.add(postgres);
                database = new Database(postgres.jdbcUrl(), PostgresServer.USER, "");
                out.println("  PostgreSQL " + postgres.jdbcUrl() + " (synchronous_commit=on)");
            }
            if (bootstrap == null) {
                KafkaBroker broker = KafkaBroker.start(dataDir.resolve("kafka"), freePort(2));
                owned.add(0, broker);
                bootstrap = broker.bootstrapServers();
                out.println("  Kafka " + bootstrap + " (KRaft, in this JVM)");
            }
            TopicSetup.createAll(KafkaAccess.plaintext(bootstrap));
            createEchoTopics(bootstrap);
            return new BenchInfra(bootstrap, database, owned);
        } catch (Exception | Error e) {
            closeAll(owned);
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    /** The echo's topics, partitioned like every AlignLab topic so both paths spread over the same partitions. */
    private static void createEchoTopics(String bootstrap) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(EchoService.INPUT_TOPIC, EchoService.OUTPUT_TOPIC).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, TopicSetup.PARTITIONS, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BenchException("cannot create the echo's topics on " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    /** A loopback port that is free, together with the {@code span - 1} ports after it (the broker's controller). */
    static int freePort(int span) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            if (port + span <= 65536 && allFree(port, span)) {
                return port;
            }
        }
        throw new BenchException("found no " + span + " free consecutive loopback ports");
    }

    private static boolean allFree(int first, int span) {
        for (int port = first; port < first + span; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        // The broker first: it was added at the front, and it has nothing to say to the database.
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("gate-bench: stopping " + resource.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
