package io.testtrack.platform.inbox;

import io.testtrack.events.EventCodec;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.hibernate.JDBCException;

/**
 * Tells a consumer's failures apart, three ways:
 * <ul>
 * <li><b>transient</b>: the database unreachable or restarting, a lost or reset connection, a serialization
 * failure or deadlock, a timeout. The same change goes through once it passes: retry it.</li>
 * <li><b>a bad event</b>: the event's data breaks a rule of the database (SQLSTATE class 22, data
 * exception, or 23, integrity constraint), its payload does not read, or the consumer says so
 * ({@link UnusableEventException}). Every try fails the same way, for this event only: park it.</li>
 * <li>anything else (a missing table or column, a bug, a failure nobody foresaw) may fail every
 * event alike. Parking would then set aside every event that comes, so the failure stops the
 * consumer instead, and a restart after the fix applies them all.</li>
 * </ul>
 */
final class EventFailures {

    /** Connection exceptions, transaction rollbacks (serialization failure, deadlock), insufficient resources. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53");
    /** The server shutting down, crashed or still starting (not 57014, a statement cancelled: it would be again). */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("57P01", "57P02", "57P03");
    /** Data exceptions, integrity constraint violations. */
    private static final Set<String> BAD_DATA_SQL_CLASSES = Set.of("22", "23");

    private EventFailures() {}

    static boolean isTransient(Throwable failure) {
        return causes(failure).anyMatch(cause -> {
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException
                    || cause instanceof SocketException || cause instanceof ClosedChannelException
                    || cause instanceof TimeoutException) {
                return true;
            }
            String state = sqlState(cause);
            return state != null && (TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_SQL_STATES.contains(state));
        });
    }

    static boolean isBadEvent(Throwable failure) {
        return causes(failure).anyMatch(cause -> {
            if (cause instanceof UnusableEventException || cause instanceof EventCodec.MalformedEventException) {
                return true;
            }
            String state = sqlState(cause);
            return state != null && BAD_DATA_SQL_CLASSES.contains(state.substring(0, 2));
        });
    }

    /** {@code failure} and its causes, outermost first. */
    static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }

    private static String sqlState(Throwable cause) {
        String state = cause instanceof DatabaseException database ? database.getSqlState()
                : cause instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
        return state != null && state.length() == 5 ? state : null;
    }
}
