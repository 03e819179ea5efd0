package io.testtrack.defect.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.DefectPage;
import io.testtrack.defect.domain.DefectQuery;
import io.testtrack.defect.domain.DefectSummary;
import io.testtrack.defect.domain.Priority;
import io.testtrack.defect.domain.Resolution;
import io.testtrack.events.EventCodec;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.Severity;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.persistence.JsonColumn;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists of defects, newest first, a page at a time with a keyset cursor (the last row's creation
 * time and id), filtered in SQL; text through PostgreSQL full-text search (key and title weigh
 * more than the texts). Counts per status for a board.
 */
@ApplicationScoped
public class DefectSearch {

    /** Which projects a list may cover: one project, or the projects a user is a member of (null: every project, for an admin). */
    public record Scope(UUID projectId, UUID memberId) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Pool pool;

    public DefectSearch(Pool pool) {
        this.pool = pool;
    }

    public Uni<DefectPage> page(DefectQuery q, Scope scope) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("TRUE");
        if (scope.projectId() != null) {
            where.append(" AND project_id = ").append(param(params, scope.projectId()));
        } else if (scope.memberId() != null) {
            where.append(" AND project_id IN (SELECT project_id FROM access_members WHERE user_id = ").append(param(params, scope.memberId()))
                    .append(")");
        }
        in(where, params, "status", q.statuses().stream().map(Enum::name).toList());
        in(where, params, "severity", q.severities().stream().map(Enum::name).toList());
        in(where, params, "priority", q.priorities().stream().map(Enum::name).toList());
        if (q.openOnly()) {
            where.append(" AND status NOT IN ('VERIFIED_FIXED', 'CLOSED')");
        }
        equal(where, params, "assignee_id", q.assigneeId());
        equal(where, params, "reporter_id", q.reporterId());
        equal(where, params, "test_case_id", q.testCaseId());
        equal(where, params, "execution_id", q.executionId());
        if (!q.tags().isEmpty()) {
            where.append(" AND tags @> CAST(CAST(").append(param(params, JsonColumn.write(q.tags()))).append(" AS text) AS jsonb)");
        }
        if (q.text() != null && !q.text().isBlank()) {
            String text = param(params, q.text().trim());
            where.append(" AND (search @@ websearch_to_tsquery('simple', ").append(text).append(") OR search @@ websearch_to_tsquery('english', ")
                    .append(text).append("))");
        }
        if (q.cursor() != null) {
            Object[] at = decode(q.cursor());
            where.append(" AND (created_at, id) < (").append(param(params, at[0])).append(", ").append(param(params, at[1])).append(")");
        }
        String sql = "SELECT id, project_id, key, title, severity, priority, status, resolution, reporter_id, assignee_id, "
                + "tags::text AS tags, execution_id, test_case_id, created_at, updated_at, version FROM defects WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT " + (q.limit() + 1);
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<DefectSummary> items = new ArrayList<>();
            rows.forEach(row -> items.add(summary(row)));
            if (items.size() <= q.limit()) {
                return new DefectPage(items, null);
            }
            List<DefectSummary> page = items.subList(0, q.limit());
            DefectSummary last = page.get(page.size() - 1);
            return new DefectPage(List.copyOf(page), encode(last.createdAt() + "|" + last.id()));
        });
    }

    /** How many defects of the project are in each status (every status named, zero included). */
    public Uni<Map<DefectStatus, Long>> counts(UUID projectId) {
        return pool.preparedQuery("SELECT status, count(*) FROM defects WHERE project_id = $1 GROUP BY status")
                .execute(Tuple.of(projectId)).map(rows -> {
                    Map<DefectStatus, Long> counts = new EnumMap<>(DefectStatus.class);
                    for (DefectStatus s : DefectStatus.values()) {
                        counts.put(s, 0L);
                    }
                    rows.forEach(row -> counts.put(DefectStatus.valueOf(row.getString(0)), row.getLong(1)));
                    return counts;
                });
    }

    /** The project of an execution's defects, if it has any. */
    public Uni<UUID> projectOfExecution(UUID executionId) {
        return pool.preparedQuery("SELECT project_id FROM defects WHERE execution_id = $1 LIMIT 1").execute(Tuple.of(executionId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null);
    }

    private static DefectSummary summary(Row r) {
        String resolution = r.getString("resolution");
        return new DefectSummary(r.getUUID("id"), r.getUUID("project_id"), r.getString("key"), r.getString("title"),
                Severity.valueOf(r.getString("severity")), Priority.valueOf(r.getString("priority")),
                DefectStatus.valueOf(r.getString("status")), resolution == null ? null : Resolution.valueOf(resolution),
                r.getUUID("reporter_id"), r.getUUID("assignee_id"), tags(r.getString("tags")), r.getUUID("execution_id"),
                r.getUUID("test_case_id"), instant(r.getOffsetDateTime("created_at")), instant(r.getOffsetDateTime("updated_at")),
                r.getInteger("version"));
    }

    private static Instant instant(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }

    private static List<String> tags(String json) {
        try {
            return EventCodec.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags column does not hold a list", e);
        }
    }

    private static void in(StringBuilder where, List<Object> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" = ANY(").append(param(params, values.toArray(String[]::new))).append(")");
        }
    }

    private static void equal(StringBuilder where, List<Object> params, String column, UUID value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ").append(param(params, value));
        }
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The creation time and id of the last row of the previous page. */
    private static Object[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Object[] { Instant.parse(parts[0]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]) };
        } catch (RuntimeException e) {
            throw new InvalidFieldsException("cursor", "is not a cursor this service handed out");
        }
    }
}
