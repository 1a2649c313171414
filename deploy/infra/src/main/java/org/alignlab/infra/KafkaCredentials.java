package org.alignlab.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SCRAM users of an authenticated local broker and their passwords: {@value #ADMIN}, the superuser that
 * creates topics, users and ACLs (and that harnesses act as when they play an attacker or another service), and
 * one user per service, named as its KafkaUser in {@code k8s/base/kafka/users.yaml}.
 */
public record KafkaCredentials(Map<String, String> passwords) {

    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";

    public KafkaCredentials {
        if (!passwords.containsKey(ADMIN)) {
            throw new IllegalArgumentException("no password for " + ADMIN);
        }
        passwords = Map.copyOf(passwords);
    }

    /** Fresh random passwords for {@value #ADMIN} and each of {@code users}. */
    public static KafkaCredentials generate(Collection<String> users) {
        return new KafkaCredentials(PasswordFile.generate(withAdmin(users)));
    }

    /**
     * The credentials kept in {@code file} (readable by its owner alone), with a password added for any of
     * {@code users} it lacks; created on first use.
     */
    public static KafkaCredentials loadOrCreate(Path file, Collection<String> users) throws IOException {
        return new KafkaCredentials(PasswordFile.loadOrCreate(file, withAdmin(users),
                "Kafka SCRAM users of this local stack: secrets, never copy them elsewhere"));
    }

    /** The credentials kept in {@code file}, which must exist. */
    public static KafkaCredentials load(Path file) throws IOException {
        return new KafkaCredentials(PasswordFile.read(file));
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return password;
    }

    /** How {@code user} reaches the broker at {@code bootstrapServers}. */
    public KafkaAccess access(String bootstrapServers, String user) {
        return KafkaAccess.scram(bootstrapServers, user, password(user));
    }

    private static List<String> withAdmin(Collection<String> users) {
        return Stream.concat(Stream.of(ADMIN), users.stream()).distinct().toList();
    }
}
