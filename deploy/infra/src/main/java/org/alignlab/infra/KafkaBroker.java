package org.alignlab.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker in KRaft mode, in this JVM. Listens on loopback only.
 * Formats its log directory on first start; a restart on the same directory keeps the data.
 *
 * <p>Started with {@link KafkaCredentials} it authenticates every client as in Kubernetes: SCRAM-SHA-512 on the
 * client listener, one user per service with the ACLs of its KafkaUser ({@link KafkaUserAcls}), nothing allowed
 * that no ACL allows, and {@value KafkaCredentials#ADMIN} the only superuser. The controller listener takes PLAIN
 * as admin (KRaft cannot check SCRAM there: the credentials live in the metadata the controller serves).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Passwords credentials;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Passwords credentials) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.credentials = credentials;
    }

    /**
     * Starts a PLAINTEXT broker that believes every client, on {@code port} (client) and {@code port + 1}
     * (controller), storing data in {@code dir}: for benchmarks, never for a stack that runs agents.
     */
    public static KafkaBroker start(Path dir, int port) throws Exception {
        return start(dir, port, null);
    }

    /**
     * Starts a broker that authenticates every client with {@code credentials} and grants each service user the
     * ACLs of its KafkaUser; {@code null} credentials start a PLAINTEXT broker.
     */
    public static KafkaBroker start(Path dir, int port, Passwords credentials) throws Exception {
        Files.createDirectories(dir);
        Path logDir = dir.resolve("kraft-logs");
        Properties props = serverProperties(logDir, port, credentials);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, credentials);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + port, credentials);
        if (credentials != null) {
            KafkaAuthorization.grant(broker.adminAccess(), credentials, KafkaUserAcls.bundled());
        }
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** How the superuser reaches this broker (plain access to a PLAINTEXT broker). */
    public KafkaAccess adminAccess() {
        return access(KafkaCredentials.ADMIN);
    }

    /** How {@code user} reaches this broker (plain access to a PLAINTEXT broker). */
    public KafkaAccess access(String user) {
        return credentials == null ? KafkaAccess.plaintext(bootstrapServers)
                : KafkaCredentials.access(credentials, bootstrapServers, user);
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties serverProperties(Path logDir, int port, Passwords credentials) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + (port + 1));
        p.put("listeners", "CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1));
        p.put("advertised.listeners", "CLIENT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "CLIENT");
        if (credentials == null) {
            p.put("listener.security.protocol.map", "CLIENT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        } else {
            String admin = KafkaCredentials.ADMIN;
            String password = credentials.password(admin);
            p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
            p.put("listener.name.client.sasl.enabled.mechanisms", KafkaCredentials.MECHANISM);
            p.put("sasl.mechanism.inter.broker.protocol", KafkaCredentials.MECHANISM);
            p.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                    SCRAM_LOGIN + " required username=\"" + admin + "\" password=\"" + password + "\";");
            p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
            p.put("sasl.mechanism.controller.protocol", "PLAIN");
            p.put("listener.name.controller.plain.sasl.jaas.config", PLAIN_LOGIN + " required username=\"" + admin
                    + "\" password=\"" + password + "\" user_" + admin + "=\"" + password + "\";");
            p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            p.put("super.users", "User:" + admin);
            p.put("allow.everyone.if.no.acl.found", "false");
        }
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path logDir, Passwords credentials) throws Exception {
        try {
            Formatter formatter = new Formatter();
            if (credentials != null) {
                // The superuser exists from the first start: it is who adds the service users afterwards.
                formatter.setScramArguments(List.of(KafkaCredentials.MECHANISM + "=[name=" + KafkaCredentials.ADMIN
                        + ",password=" + credentials.password(KafkaCredentials.ADMIN) + "]"));
            }
            formatter
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setPrintStream(System.err)
                    .run();
        } catch (IOException e) {
            throw new IOException("cannot format Kafka log dir " + logDir, e);
        }
    }
}
