package org.alignlab.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The login roles of a local PostgreSQL: the superuser {@value PostgresServer#USER}, which only the harnesses use
 * (to create the roles, and to play an attacker with database access), and one role per service, as in Kubernetes
 * ({@link DatabaseRoles}).
 */
public final class DatabaseCredentials {

    private DatabaseCredentials() {
    }

    /** Fresh random passwords for the superuser and each of {@code roles}. */
    public static Passwords generate(Collection<String> roles) {
        return Passwords.generate(PostgresServer.USER, roles);
    }

    /** The roles kept in {@code file}, with any of {@code roles} it lacks added; created on first use. */
    public static Passwords loadOrCreate(Path file, Collection<String> roles) throws IOException {
        return Passwords.loadOrCreate(file, PostgresServer.USER, roles,
                "PostgreSQL roles of this local stack: secrets, never copy them elsewhere");
    }

    public static Passwords load(Path file) throws IOException {
        return Passwords.load(file, PostgresServer.USER);
    }
}
