package io.testtrack.execution.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCatalog;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.events.execution.ResultsImported;
import io.testtrack.events.execution.RunCompleted;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.RunSource;
import io.testtrack.events.execution.StatusCounts;
import io.testtrack.execution.domain.JunitParser;
import io.testtrack.execution.repository.CopyStream;
import io.testtrack.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A CI import: one request, one run, all or nothing. The reports stream through the parser into
 * PostgreSQL with COPY (nothing of a report is held in memory), become executions in one
 * INSERT … SELECT that folds reruns into attempts and matches automation keys against the case
 * projection, and the run, its events and one AutomatedTestDiscovered per unknown test are
 * written in the same transaction. JDBC on a worker thread on purpose: the reactive driver has
 * no COPY, and COPY is what makes 100,000 results a matter of seconds.
 */
@ApplicationScoped
public class JunitImport {

    public record Request(UUID projectId, String runName, String environment, String buildVersion, String milestone,
            String idempotencyKey, UUID by, String correlationId) {
    }

    public record Summary(UUID runId, int total, int passed, int failed, int errored, int skipped, int flaky, int discovered,
            boolean repeated) {
    }

    /** A report to read; opened once, when its turn comes. */
    public interface Report {
        InputStream open() throws IOException;
    }

    private final AgroalDataSource dataSource;
    private final String source;

    public JunitImport(AgroalDataSource dataSource, PlatformConfig config) {
        this.dataSource = dataSource;
        this.source = "/testtrack/" + config.service();
    }

    /** Blocking: call from a worker thread. */
    public Summary run(Request request, List<Report> reports) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // A report streams into COPY as it is uploaded: one statement for as long as the upload
                // takes, up to the gateway's ten minutes for an import, where the role allows 30 s.
                try (var statement = connection.createStatement()) {
                    statement.execute("SET LOCAL statement_timeout = '10min'");
                }
                Summary existing = request.idempotencyKey() == null ? null : existing(connection, request);
                if (existing != null) {
                    connection.rollback();
                    return existing;
                }
                Summary summary = store(connection, request, reports);
                connection.commit();
                return summary;
            } catch (SQLException e) {
                connection.rollback();
                if ("23505".equals(e.getSQLState()) && request.idempotencyKey() != null) {
                    // The same build was imported concurrently and committed first: answer with its run.
                    Summary existing = existing(connection, request);
                    connection.rollback();
                    if (existing != null) {
                        return existing;
                    }
                }
                throw e;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the import could not be stored", e);
        }
    }

    private Summary store(Connection connection, Request request, List<Report> reports) throws SQLException {
        UUID runId = UUID.randomUUID();
        UUID importId = UUID.randomUUID();
        Instant now = Instant.now();
        try (PreparedStatement run = connection.prepareStatement("INSERT INTO runs (id, project_id, name, environment, build_version, "
                + "milestone, origin, status, idempotency_key, created_by, created_at, started_at, completed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'IMPORT', 'COMPLETED', ?, ?, ?, ?, ?)")) {
            run.setObject(1, runId);
            run.setObject(2, request.projectId());
            run.setString(3, request.runName());
            run.setString(4, request.environment());
            run.setString(5, request.buildVersion());
            run.setString(6, request.milestone());
            run.setString(7, request.idempotencyKey());
            run.setObject(8, request.by());
            Timestamp at = Timestamp.from(now);
            run.setTimestamp(9, at);
            run.setTimestamp(10, at);
            run.setTimestamp(11, at);
            run.executeUpdate();
        }
        copyRows(connection, importId, reports);
        // The planner must know how many rows just arrived, or it joins them by nested loops.
        try (var analyze = connection.createStatement()) {
            analyze.execute("ANALYZE import_rows");
        }
        try (PreparedStatement executions = connection.prepareStatement(EXECUTIONS)) {
            executions.setObject(1, runId);
            executions.setObject(2, request.projectId());
            executions.setObject(3, request.by());
            executions.setObject(4, importId);
            executions.setObject(5, request.projectId());
            executions.executeUpdate();
        }
        List<AutomatedTestDiscovered> discovered = discovered(connection, runId, importId, request.projectId());
        try (PreparedStatement clean = connection.prepareStatement("DELETE FROM import_rows WHERE import_id = ?")) {
            clean.setObject(1, importId);
            clean.executeUpdate();
        }
        int[] counts = counts(connection, runId);
        int total = counts[0] + counts[1] + counts[2] + counts[3];
        Summary summary = new Summary(runId, total, counts[0], counts[1], counts[2], counts[3], counts[4], discovered.size(), false);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new RunCreated(runId, request.projectId(), request.runName(), request.environment(), request.buildVersion(),
                request.milestone(), RunSource.IMPORT, total, request.by()));
        events.add(new ResultsImported(runId, request.projectId(), request.buildVersion(), total, summary.passed(), summary.failed(),
                summary.errored(), summary.skipped(), discovered.size()));
        events.add(new RunCompleted(runId, request.projectId(),
                new StatusCounts(total, summary.passed(), summary.failed() + summary.errored(), 0, summary.skipped(), 0, 0)));
        events.addAll(discovered);
        copyOutbox(connection, events, request.correlationId(), now);
        Log.infof("imported %d tests (%d attempts folded) into run %s of project %s", total, counts[5], runId, request.projectId());
        return summary;
    }

    private void copyRows(Connection connection, UUID importId, List<Report> reports) throws SQLException {
        try (CopyStream copy = new CopyStream(connection, "import_rows", "import_id, seq, classname, name, key, outcome, flaky, "
                + "duration_ms, message, details, system_out, system_err")) {
            String id = importId.toString();
            int[] seq = { 0 };
            for (Report report : reports) {
                try (InputStream in = report.open()) {
                    JunitParser.parse(in, r -> copy.row(id, seq[0]++, r.classname(), r.name(), r.key(), r.outcome().name(),
                            r.flakyMarker(), r.durationMs(), clean(r.message()), clean(r.details()), clean(r.systemOut()),
                            clean(r.systemErr())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            copy.finish();
        }
    }

    /** PostgreSQL text cannot hold NUL; reports from C tools sometimes do. */
    private static String clean(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    /**
     * Reruns fold into one execution per automation key: the last attempt decides the status,
     * "passed on rerun" is kept as flaky, and the case projection supplies the case when the
     * project has one with that key.
     */
    private static final String EXECUTIONS = "INSERT INTO executions (id, run_id, project_id, position, test_case_id, case_key, "
            + "case_version, automation_key, title, steps, status, outcome, attempts, flaky, duration_ms, message, details, "
            + "system_out, system_err, updated_by, updated_at) "
            + "SELECT gen_random_uuid(), ?, ?, row_number() OVER (ORDER BY t.first_seq), c.test_case_id, c.key, c.version, t.key, "
            + "coalesce(c.title, nullif(t.name, ''), t.key), coalesce(c.steps, '[]'::jsonb), "
            + "CASE t.outcome WHEN 'PASSED' THEN 'PASSED' WHEN 'SKIPPED' THEN 'SKIPPED' ELSE 'FAILED' END, t.outcome, t.attempts, "
            + "t.outcome = 'PASSED' AND (t.any_not_passed OR t.any_flaky), t.duration_ms, t.message, t.details, t.system_out, "
            + "t.system_err, ?, now() "
            + "FROM (SELECT DISTINCT ON (key) key, name, outcome, duration_ms, message, details, system_out, system_err, "
            + "count(*) OVER w AS attempts, min(seq) OVER w AS first_seq, bool_or(outcome <> 'PASSED') OVER w AS any_not_passed, "
            + "bool_or(flaky) OVER w AS any_flaky FROM import_rows WHERE import_id = ? WINDOW w AS (PARTITION BY key) "
            + "ORDER BY key, seq DESC) t "
            + "LEFT JOIN LATERAL (SELECT * FROM cases WHERE project_id = ? AND automation_key = t.key AND NOT deleted "
            + "ORDER BY updated_at DESC LIMIT 1) c ON true";

    private List<AutomatedTestDiscovered> discovered(Connection connection, UUID runId, UUID importId, UUID projectId)
            throws SQLException {
        List<AutomatedTestDiscovered> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT e.id, e.automation_key, r.classname, r.name "
                + "FROM executions e JOIN (SELECT DISTINCT ON (key) key, classname, name FROM import_rows WHERE import_id = ? "
                + "ORDER BY key, seq) r ON r.key = e.automation_key WHERE e.run_id = ? AND e.test_case_id IS NULL ORDER BY e.position")) {
            query.setObject(1, importId);
            query.setObject(2, runId);
            query.setFetchSize(5_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new AutomatedTestDiscovered(projectId, rows.getString(2), rows.getString(3), rows.getString(4), runId,
                            rows.getObject(1, UUID.class)));
                }
            }
        }
        return events;
    }

    /** passed, failed, errored, skipped, flaky, attempts beyond the first. */
    private static int[] counts(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FILTER (WHERE outcome = 'PASSED'), "
                + "count(*) FILTER (WHERE outcome = 'FAILED'), count(*) FILTER (WHERE outcome = 'ERRORED'), "
                + "count(*) FILTER (WHERE outcome = 'SKIPPED'), count(*) FILTER (WHERE flaky), coalesce(sum(attempts - 1), 0) "
                + "FROM executions WHERE run_id = ?")) {
            query.setObject(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new int[] { rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5), rows.getInt(6) };
            }
        }
    }

    private void copyOutbox(Connection connection, List<DomainEvent> events, String correlationId, Instant now) throws SQLException {
        try (CopyStream copy = new CopyStream(connection, "outbox", "event_id, topic, message_key, event_type, payload, correlation_id")) {
            for (DomainEvent event : events) {
                EventEnvelope envelope = EventCodec.envelope(event, source, now, correlationId);
                copy.row(envelope.id(), EventCatalog.describe(event.getClass()).topic(), event.aggregateId(), envelope.type(),
                        EventCodec.write(envelope), correlationId);
            }
            copy.finish();
        }
    }

    private static Summary existing(Connection connection, Request request) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id, count(e.id) FILTER (WHERE e.outcome = 'PASSED'), "
                + "count(e.id) FILTER (WHERE e.outcome = 'FAILED'), count(e.id) FILTER (WHERE e.outcome = 'ERRORED'), "
                + "count(e.id) FILTER (WHERE e.outcome = 'SKIPPED'), count(e.id) FILTER (WHERE e.flaky), "
                + "count(e.id) FILTER (WHERE e.test_case_id IS NULL) "
                + "FROM runs r LEFT JOIN executions e ON e.run_id = r.id WHERE r.project_id = ? AND r.idempotency_key = ? GROUP BY r.id")) {
            query.setObject(1, request.projectId());
            query.setString(2, request.idempotencyKey());
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                int passed = rows.getInt(2);
                int failed = rows.getInt(3);
                int errored = rows.getInt(4);
                int skipped = rows.getInt(5);
                return new Summary(rows.getObject(1, UUID.class), passed + failed + errored + skipped, passed, failed, errored, skipped,
                        rows.getInt(6), rows.getInt(7), true);
            }
        }
    }
}
