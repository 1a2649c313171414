package org.alignlab.platform.messaging;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.alignlab.contracts.json.InvalidEventException;

/**
 * What a consumer's failure says about the record it was handling. The policy retries {@link #TRANSIENT} failures
 * for as long as it takes, dead-letters {@link #POISON} at once, and gives an {@link #UNKNOWN} failure a bounded
 * number of attempts: one that repeats for the same record is not transient, and retrying it for ever would let one
 * record stop a partition.
 */
public enum FailureKind {

    /** The record can never be handled: it breaks its schema, or its handler said so. */
    POISON,
    /** A dependency is unreachable or busy (database, broker, a service): the record itself is fine. */
    TRANSIENT,
    /** Anything else: possibly a bad value the schema let through, possibly a passing fault. */
    UNKNOWN;

    /**
     * PostgreSQL SQLSTATE classes of failures that say nothing about the data: 08 connection, 40 transaction
     * rollback (serialization, deadlock), 53 insufficient resources, 57 operator intervention (shutdown), 58 system
     * error; and 55P03 lock not available.
     */
    private static final java.util.Set<String> TRANSIENT_SQL_CLASSES = java.util.Set.of("08", "40", "53", "57", "58");

    public static FailureKind of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidEventException || cause instanceof PoisonRecordException) {
                return POISON;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isTransient(cause)) {
                return TRANSIENT;
            }
        }
        return UNKNOWN;
    }

    private static boolean isTransient(Throwable cause) {
        if (cause instanceof TransientFailure || cause instanceof ConnectException
                || cause instanceof SocketTimeoutException || cause instanceof UnknownHostException
                || cause instanceof TimeoutException || cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException
                || cause instanceof org.apache.kafka.common.errors.RetriableException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.length() >= 2 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2))
                    || "55P03".equals(state))) {
                return true;
            }
            // The connection pool's own exhaustion carries no SQLSTATE.
            return state == null && sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
        }
        String name = cause.getClass().getName();
        // Fault tolerance's open circuit breaker, and Hibernate's wrapper of a lost connection.
        return name.endsWith("CircuitBreakerOpenException") || name.endsWith("JDBCConnectionException");
    }
}
