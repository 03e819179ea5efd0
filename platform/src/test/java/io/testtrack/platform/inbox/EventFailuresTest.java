package io.testtrack.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Which failures of a consumer's change are retried, and which park the event. */
class EventFailuresTest {

    @Test
    void theDatabaseFailingForAMomentIsTransientHoweverDeepItIsWrapped() {
        assertTrue(EventFailures.isTransient(pg("40001")), "serialization failure");
        assertTrue(EventFailures.isTransient(pg("40P01")), "deadlock");
        assertTrue(EventFailures.isTransient(pg("57P01")), "server shutting down");
        assertTrue(EventFailures.isTransient(pg("53300")), "too many connections");
        assertTrue(EventFailures.isTransient(pg("08006")), "connection failure");
        assertTrue(EventFailures.isTransient(new CompletionException(new HibernateException("failed", pg("40001")))));
        assertTrue(EventFailures.isTransient(ClosedConnectionException.INSTANCE));
        assertTrue(EventFailures.isTransient(new HibernateException(new ConnectException("Connection refused"))));
        assertTrue(EventFailures.isTransient(new TimeoutException()));
        assertTrue(EventFailures.isTransient(new JDBCConnectionException("lost", new SQLException("lost", "08003"))));
    }

    @Test
    void anythingElseFailsAgainOnEveryTry() {
        assertFalse(EventFailures.isTransient(pg("23505")), "unique violation");
        assertFalse(EventFailures.isTransient(pg("22P05")), "a NUL in text");
        assertFalse(EventFailures.isTransient(pg("42703")), "undefined column: a bug");
        assertFalse(EventFailures.isTransient(
                new ConstraintViolationException("duplicate", new SQLException("duplicate", "23505"), "cases_pkey")));
        assertFalse(EventFailures.isTransient(new NullPointerException()));
        assertFalse(EventFailures.isTransient(new IllegalStateException("no such project")));
        assertFalse(EventFailures.isTransient(pg(null)), "no SQLSTATE at all");
    }

    private static PgException pg(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }
}
