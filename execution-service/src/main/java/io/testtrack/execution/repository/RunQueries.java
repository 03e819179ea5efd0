package io.testtrack.execution.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.StatusCounts;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.execution.domain.CaseSelection;
import io.testtrack.execution.domain.ComparedCase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads in SQL: the cases a selection names (from the case projection), and a run's counts per status. */
@ApplicationScoped
public class RunQueries {

    /** A case as a new execution snapshots it. */
    public record SelectedCase(UUID id, String key, int version, String title, String automationKey, List<TestCaseSnapshot.Step> steps) {
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<List<TestCaseSnapshot.Step>> STEPS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    private final Pool pool;

    public RunQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<SelectedCase>> select(UUID projectId, CaseSelection selection) {
        List<Object> params = new ArrayList<>(List.of(projectId));
        StringBuilder sql = new StringBuilder("SELECT test_case_id, key, version, title, automation_key, CAST(steps AS text) FROM cases "
                + "WHERE project_id = $1 AND NOT deleted AND status <> 'DEPRECATED'");
        boolean byIds = !selection.caseIds().isEmpty();
        boolean bySuites = !selection.suiteIds().isEmpty();
        if (byIds || bySuites) {
            sql.append(" AND (");
            if (byIds) {
                params.add(selection.caseIds().toArray(UUID[]::new));
                sql.append("test_case_id = ANY($").append(params.size()).append(")");
            }
            if (bySuites) {
                params.add(selection.suiteIds().toArray(UUID[]::new));
                // The suites and everything below them (UNION, not UNION ALL: events out of order may
                // briefly make a cycle, and the walk must still end).
                sql.append(byIds ? " OR " : "").append("suite_id IN (WITH RECURSIVE tree(id) AS (SELECT unnest(CAST($")
                        .append(params.size()).append(" AS uuid[])) UNION SELECT s.suite_id FROM suites s JOIN tree t ON s.parent_id = t.id "
                        + "WHERE NOT s.deleted) SELECT id FROM tree)");
            }
            sql.append(")");
        }
        if (!selection.tags().isEmpty()) {
            params.add(EventCodec.mapper().valueToTree(selection.tags()).toString());
            sql.append(" AND tags @> CAST(CAST($").append(params.size()).append(" AS text) AS jsonb)");
        }
        if (!selection.priorities().isEmpty()) {
            params.add(selection.priorities().toArray(String[]::new));
            sql.append(" AND priority = ANY($").append(params.size()).append(")");
        }
        if (!selection.types().isEmpty()) {
            params.add(selection.types().toArray(String[]::new));
            sql.append(" AND type = ANY($").append(params.size()).append(")");
        }
        sql.append(" ORDER BY length(key), key");
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<SelectedCase> cases = new ArrayList<>();
            for (Row row : rows) {
                cases.add(new SelectedCase(row.getUUID(0), row.getString(1), row.getInteger(2), row.getString(3), row.getString(4),
                        steps(row.getString(5))));
            }
            return cases;
        });
    }

    /** The case as the projection has it now, or null once deleted; read in the caller's transaction. */
    public Uni<SelectedCase> currentCase(UUID caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT CAST(test_case_id AS text), key, version, "
                        + "title, automation_key, CAST(steps AS text) FROM cases WHERE test_case_id = :case AND NOT deleted", Object[].class)
                .setParameter("case", caseId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = rows.get(0);
                    return new SelectedCase(UUID.fromString((String) row[0]), (String) row[1], ((Number) row[2]).intValue(),
                            (String) row[3], (String) row[4], steps((String) row[5]));
                });
    }

    /**
     * How many executions of the run are in each status (every status present, zero or not), in
     * the caller's session: what it changed is flushed first and counted.
     */
    public Uni<Map<ExecutionStatus, Integer>> counts(UUID runId) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                        "SELECT status, count(*) FROM executions WHERE run_id = :run GROUP BY status", Object[].class)
                .setParameter("run", runId).getResultList())).map(RunQueries::countsOf);
    }

    private static Map<ExecutionStatus, Integer> countsOf(List<Object[]> pairs) {
        Map<ExecutionStatus, Integer> by = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            by.put(status, 0);
        }
        pairs.forEach(pair -> by.put(ExecutionStatus.valueOf((String) pair[0]), ((Number) pair[1]).intValue()));
        return by;
    }

    /** The counts as the RunCompleted event carries them (IN_PROGRESS counts as not run). */
    public static StatusCounts summary(Map<ExecutionStatus, Integer> by) {
        int total = by.values().stream().mapToInt(Integer::intValue).sum();
        return new StatusCounts(total, by.get(ExecutionStatus.PASSED), by.get(ExecutionStatus.FAILED), by.get(ExecutionStatus.BLOCKED),
                by.get(ExecutionStatus.SKIPPED), by.get(ExecutionStatus.NOT_RUN) + by.get(ExecutionStatus.IN_PROGRESS),
                by.get(ExecutionStatus.RETEST));
    }

    /**
     * Two runs side by side, per case and configuration (a case without id by automation key or
     * title): FIXED, REGRESSED, CHANGED, UNCHANGED, ADDED (only in B) or REMOVED (only in A).
     */
    public Uni<List<ComparedCase>> compare(UUID a, UUID b) {
        String match = "coalesce(CAST(test_case_id AS text), automation_key, title) || '|' || coalesce(configuration, '')";
        String sql = "WITH ea AS (SELECT " + match + " AS m, * FROM executions WHERE run_id = $1), "
                + "eb AS (SELECT " + match + " AS m, * FROM executions WHERE run_id = $2) "
                + "SELECT coalesce(eb.test_case_id, ea.test_case_id), coalesce(eb.case_key, ea.case_key), "
                + "coalesce(eb.automation_key, ea.automation_key), coalesce(eb.title, ea.title), coalesce(eb.configuration, ea.configuration), "
                + "ea.status, eb.status FROM ea FULL OUTER JOIN eb ON ea.m = eb.m "
                + "ORDER BY coalesce(ea.position, 1000000000), eb.position";
        return pool.preparedQuery(sql).execute(Tuple.of(a, b)).map(rows -> {
            List<ComparedCase> compared = new ArrayList<>();
            for (Row row : rows) {
                String statusA = row.getString(5);
                String statusB = row.getString(6);
                compared.add(new ComparedCase(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4), statusA,
                        statusB, change(statusA, statusB)));
            }
            return compared;
        });
    }

    static String change(String a, String b) {
        if (a == null) {
            return "ADDED";
        }
        if (b == null) {
            return "REMOVED";
        }
        if (a.equals(b)) {
            return "UNCHANGED";
        }
        boolean badBefore = a.equals("FAILED") || a.equals("BLOCKED");
        boolean badAfter = b.equals("FAILED") || b.equals("BLOCKED");
        if (badBefore && b.equals("PASSED")) {
            return "FIXED";
        }
        if (a.equals("PASSED") && badAfter) {
            return "REGRESSED";
        }
        return "CHANGED";
    }

    private static List<TestCaseSnapshot.Step> steps(String json) {
        try {
            return json == null ? List.of() : EventCodec.mapper().readValue(json, STEPS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a projected case has unreadable steps", e);
        }
    }
}
