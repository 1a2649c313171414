package org.alignlab.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The login roles of a local PostgreSQL and their passwords: the superuser {@value PostgresServer#USER}, which
 * only the harnesses use (to create the roles, and to play an attacker with database access), and one role per
 * service, as in Kubernetes ({@link DatabaseRoles}).
 */
public record DatabaseCredentials(Map<String, String> passwords) {

    public DatabaseCredentials {
        if (!passwords.containsKey(PostgresServer.USER)) {
            throw new IllegalArgumentException("no password for " + PostgresServer.USER);
        }
        passwords = Map.copyOf(passwords);
    }

    /** Fresh random passwords for the superuser and each of {@code roles}. */
    public static DatabaseCredentials generate(Collection<String> roles) {
        return new DatabaseCredentials(PasswordFile.generate(withSuperuser(roles)));
    }

    /**
     * The credentials kept in {@code file} (readable by its owner alone), with a password added for any of
     * {@code roles} it lacks; created on first use.
     */
    public static DatabaseCredentials loadOrCreate(Path file, Collection<String> roles) throws IOException {
        return new DatabaseCredentials(PasswordFile.loadOrCreate(file, withSuperuser(roles),
                "PostgreSQL roles of this local stack: secrets, never copy them elsewhere"));
    }

    /** The credentials kept in {@code file}, which must exist. */
    public static DatabaseCredentials load(Path file) throws IOException {
        return new DatabaseCredentials(PasswordFile.read(file));
    }

    public String password(String role) {
        String password = passwords.get(role);
        if (password == null) {
            throw new IllegalArgumentException("no database role " + role);
        }
        return password;
    }

    private static List<String> withSuperuser(Collection<String> roles) {
        return Stream.concat(Stream.of(PostgresServer.USER), roles.stream()).distinct().toList();
    }
}
