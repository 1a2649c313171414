package org.alignlab.launcher;

import org.alignlab.infra.Passwords;

/**
 * How each part of a stack logs in to its database: on the local PostgreSQL as its own role; on an external
 * database as the one user given (ALIGNLAB_DB_USER), as before per-service roles.
 *
 * @param credentials the local database's roles, or null for an external database
 * @param external    the external database's login, or null for the local one
 */
public record DatabaseLogins(String jdbcUrl, Passwords credentials, StackOptions.Database external) {

    public static DatabaseLogins local(String jdbcUrl, Passwords credentials) {
        return new DatabaseLogins(jdbcUrl, credentials, null);
    }

    public static DatabaseLogins external(StackOptions.Database database) {
        return new DatabaseLogins(database.jdbcUrl(), null, database);
    }

    /** How {@code role} (a service's id, or {@code auditor}) logs in. */
    public StackOptions.Database as(String role) {
        return credentials == null ? external : new StackOptions.Database(jdbcUrl, role, credentials.password(role));
    }
}
