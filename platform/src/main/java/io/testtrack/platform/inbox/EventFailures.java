package io.testtrack.platform.inbox;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.hibernate.JDBCException;

/**
 * Tells a consumer's failures apart: a transient one (the database unreachable or restarting, a
 * serialization failure or deadlock, a timeout) is the same event's change failing for a moment,
 * to retry until it goes through; any other (a constraint, a bug, data the change cannot use)
 * fails again on every try, and the event is parked (see {@link ParkedEvents}).
 */
final class EventFailures {

    /**
     * SQLSTATE classes of PostgreSQL errors that pass: connection exceptions, transaction
     * rollbacks (serialization failure, deadlock), insufficient resources, operator intervention
     * (a server shutting down or restarting).
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57");

    private EventFailures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException
                    || cause instanceof TimeoutException) {
                return true;
            }
            String sqlState = cause instanceof DatabaseException database ? database.getSqlState()
                    : cause instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
            if (sqlState != null && sqlState.length() >= 2 && TRANSIENT_SQL_CLASSES.contains(sqlState.substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
