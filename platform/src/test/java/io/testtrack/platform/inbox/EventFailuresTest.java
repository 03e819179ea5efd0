package io.testtrack.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.testtrack.events.EventCodec;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.hibernate.HibernateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures of a consumer's change are retried, which park the event, and which stop the consumer. */
class EventFailuresTest {

    @Test
    void theDatabaseFailingForAMomentIsTransientHoweverDeepItIsWrapped() {
        assertTransient(pg("40001"), "serialization failure");
        assertTransient(pg("40P01"), "deadlock");
        assertTransient(pg("57P01"), "server shutting down");
        assertTransient(pg("57P03"), "server still starting");
        assertTransient(pg("53300"), "too many connections");
        assertTransient(pg("08006"), "connection failure");
        assertTransient(new CompletionException(new HibernateException("failed", pg("40001"))), "wrapped");
        assertTransient(ClosedConnectionException.INSTANCE, "connection lost");
        assertTransient(new HibernateException(new ConnectException("Connection refused")), "database down");
        assertTransient(new HibernateException(new java.net.SocketException("Connection reset")),
                "the session killed under a transaction (pg_terminate_backend, a restart)");
        assertTransient(new TimeoutException(), "timeout");
        assertTransient(new JDBCConnectionException("lost", new SQLException("lost", "08003")), "JDBC connection lost");
    }

    @Test
    void anEventWhoseDataTheDatabaseRefusesOrThatDoesNotReadIsABadEvent() {
        assertBadEvent(pg("23505"), "unique violation");
        assertBadEvent(pg("23503"), "foreign key violation");
        assertBadEvent(pg("22P05"), "a NUL in text");
        assertBadEvent(pg("22001"), "value too long");
        assertBadEvent(new ConstraintViolationException("duplicate", new SQLException("duplicate", "23505"), "cases_pkey"),
                "as Hibernate reports it");
        assertBadEvent(new EventCodec.MalformedEventException("data of X does not read"), "payload does not read");
        assertBadEvent(new CompletionException(new UnusableEventException("no such project")), "the consumer says so");
    }

    @Test
    void whatMayFailEveryEventAlikeIsNeitherAndStopsTheConsumer() {
        assertNeither(pg("42703"), "undefined column: a migration missing");
        assertNeither(pg("42P01"), "undefined table");
        assertNeither(pg("57014"), "statement cancelled: it would be again");
        assertNeither(new NullPointerException(), "a bug");
        assertNeither(new IllegalStateException("unexpected"), "a bug");
        assertNeither(pg(null), "no SQLSTATE at all");
    }

    private static void assertTransient(Throwable failure, String what) {
        assertTrue(EventFailures.isTransient(failure), what);
        assertFalse(EventFailures.isBadEvent(failure), what);
    }

    private static void assertBadEvent(Throwable failure, String what) {
        assertTrue(EventFailures.isBadEvent(failure), what);
        assertFalse(EventFailures.isTransient(failure), what);
    }

    private static void assertNeither(Throwable failure, String what) {
        assertFalse(EventFailures.isTransient(failure), what);
        assertFalse(EventFailures.isBadEvent(failure), what);
    }

    private static PgException pg(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }
}
