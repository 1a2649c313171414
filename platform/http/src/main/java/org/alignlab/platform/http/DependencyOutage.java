package org.alignlab.platform.http;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Whether a request failed because something it needs is away for now (the database restarting or unreachable),
 * not because of the request or a bug. The HTTP side of platform/messaging's {@code FailureKind.TRANSIENT}, for the
 * failures a request can meet: a lost or refused connection, a transient SQLSTATE, an exhausted pool.
 */
final class DependencyOutage {

    /** SQLSTATE classes that say nothing about the request: 08 connection, 53 resources, 57 shutdown, 58 system. */
    private static final Set<String> OUTAGE_SQL_CLASSES = Set.of("08", "53", "57", "58");

    private DependencyOutage() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isOutage(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof ConnectException || cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.length() >= 2 && OUTAGE_SQL_CLASSES.contains(state.substring(0, 2))) {
                return true;
            }
            // The connection pool's own exhaustion carries no SQLSTATE.
            return state == null && sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
        }
        // Hibernate's wrapper of a lost connection, without a compile-time dependency on Hibernate.
        return cause.getClass().getName().endsWith("JDBCConnectionException");
    }
}
