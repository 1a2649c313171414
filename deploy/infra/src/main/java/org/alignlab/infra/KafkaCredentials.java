package org.alignlab.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The SCRAM users of an authenticated local broker: {@value #ADMIN}, the superuser that creates topics, users and
 * ACLs (and that harnesses act as when they play an attacker or another service), and one user per service, named
 * as its KafkaUser in {@code k8s/base/kafka/users.yaml}.
 */
public final class KafkaCredentials {

    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private KafkaCredentials() {
    }

    /** Fresh random passwords for {@value #ADMIN} and each of {@code users}. */
    public static Passwords generate(Collection<String> users) {
        return Passwords.generate(ADMIN, users);
    }

    /** The users kept in {@code file}, with any of {@code users} it lacks added; created on first use. */
    public static Passwords loadOrCreate(Path file, Collection<String> users) throws IOException {
        return Passwords.loadOrCreate(file, ADMIN, users,
                "Kafka SCRAM users of this local stack: secrets, never copy them elsewhere");
    }

    public static Passwords load(Path file) throws IOException {
        return Passwords.load(file, ADMIN);
    }

    /** How {@code user} reaches the broker at {@code bootstrapServers}. */
    public static KafkaAccess access(Passwords users, String bootstrapServers, String user) {
        return KafkaAccess.scram(bootstrapServers, user, users.password(user));
    }
}
