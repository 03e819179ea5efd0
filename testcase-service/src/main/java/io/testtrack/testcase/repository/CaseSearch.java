package io.testtrack.testcase.repository;

import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.testcase.domain.CaseListing;
import io.testtrack.testcase.domain.CaseQuery;
import io.testtrack.testcase.domain.CaseSort;
import io.testtrack.testcase.domain.CaseStatus;
import io.testtrack.testcase.domain.CaseType;
import io.testtrack.testcase.domain.JsonColumns;
import io.testtrack.testcase.domain.Priority;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Searches a project's cases in SQL: full text through the tsvector index, tags and custom
 * fields through jsonb containment, a suite with its descendants, keyset pagination on the sort.
 * Answers a page of listings (what a list shows, in the same query) or of ids (for the export,
 * which loads whole cases).
 */
@ApplicationScoped
public class CaseSearch {

    /** The items of a page and the values the cursor to the next page needs (null on the last page). */
    public record Page<T>(List<T> items, List<String> nextValues) {
    }

    /** Read by position in {@link #listing}: 16 columns, then the sort values. */
    private static final String LISTING_COLUMNS = "id, project_id, key, version, title, type, priority, status, "
            + "CAST(tags AS text) AS tags, estimate_minutes, suite_id, automation_key, jsonb_array_length(steps) AS step_count, "
            + "CAST(custom_fields AS text) AS custom_fields, updated_at, deleted_at";
    private static final int LISTING_COLUMN_COUNT = 16;
    private static final ObjectReader STRINGS = JsonColumns.reader(new TypeReference<List<String>>() {
    });
    private static final ObjectReader VALUES = JsonColumns.reader(new TypeReference<Map<String, Object>>() {
    });

    /**
     * Counting a search without a text, tag or custom field filter stops here: those match
     * whole projects, no index narrows them, and beyond it a total is "10,000 or more".
     */
    public static final int COUNT_CAP = 10_000;

    /** How many cases match; {@code capped} when counting stopped at the cap. */
    public record Count(long value, boolean capped) {
    }

    private final Pool pool;

    public CaseSearch(SearchPool pool) {
        this.pool = pool.pool();
    }

    /** A page of what a list shows of each case. */
    public Uni<Page<CaseListing>> listings(CaseQuery query) {
        return page(query, LISTING_COLUMNS, LISTING_COLUMN_COUNT, CaseSearch::listing);
    }

    /** A page of case ids. */
    public Uni<Page<UUID>> ids(CaseQuery query) {
        return page(query, "id", 1, row -> row.getUUID(0));
    }

    /** {@code columns} are {@code columnCount} columns that {@code item} reads by position; the sort values follow. */
    private <T> Uni<Page<T>> page(CaseQuery query, String columns, int columnCount, Function<Row, T> item) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(query, params);
        List<CaseSort.Column> sort = query.sort().columns();
        String direction = query.descending() ? " DESC" : "";
        if (query.after() != null) {
            String left = sort.stream().map(CaseSort.Column::expression).collect(Collectors.joining(", ", "(", ")"));
            String right = IntStream.range(0, sort.size())
                    .mapToObj(i -> "CAST(" + text(params, query.after().values().get(i)) + " AS " + sort.get(i).type() + ")")
                    .collect(Collectors.joining(", ", "(", ")"));
            where.append(" AND ").append(left).append(query.descending() ? " < " : " > ").append(right);
        }
        String select = IntStream.range(0, sort.size())
                .mapToObj(i -> "CAST(" + sort.get(i).expression() + " AS text) AS sort" + i).collect(Collectors.joining(", "));
        String order = sort.stream().map(c -> c.expression() + direction).collect(Collectors.joining(", "));
        String sql = "SELECT " + columns + ", " + select + " FROM test_cases WHERE " + where + " ORDER BY " + order + " LIMIT "
                + (query.limit() + 1);
        return pool.preparedQuery(sql).execute(Tuple.from(params))
                .onFailure(PgException.class).transform(CaseSearch::badInput)
                .map(rows -> {
                    List<T> items = new ArrayList<>();
                    List<String> last = null;
                    for (Row row : rows) {
                        if (items.size() == query.limit()) {
                            break;
                        }
                        items.add(item.apply(row));
                        last = IntStream.range(0, sort.size()).mapToObj(i -> row.getString(columnCount + i)).toList();
                    }
                    return new Page<>(items, rows.rowCount() > query.limit() ? last : null);
                });
    }

    private static CaseListing listing(Row row) {
        return new CaseListing(row.getUUID(0), row.getUUID(1), row.getString(2), row.getInteger(3), row.getString(4),
                CaseType.valueOf(row.getString(5)), Priority.valueOf(row.getString(6)), CaseStatus.valueOf(row.getString(7)),
                JsonColumns.read(row.getString(8), STRINGS), row.getInteger(9), row.getUUID(10), row.getString(11),
                row.getInteger(12), JsonColumns.read(row.getString(13), VALUES), instant(row.getOffsetDateTime(14)),
                instant(row.getOffsetDateTime(15)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /**
     * The number of matches: exact when an index narrows the search (the GIN indexes answer it
     * from their bitmaps), else counted up to the cap (a LIMIT there would steer the planner away
     * from those bitmaps).
     */
    public Uni<Count> count(CaseQuery query) {
        List<Object> params = new ArrayList<>();
        boolean narrowed = (query.text() != null && !query.text().isBlank()) || (query.tags() != null && !query.tags().isEmpty())
                || (query.customFields() != null && !query.customFields().isEmpty());
        String where = where(query, params).toString();
        String sql = narrowed ? "SELECT count(*) FROM test_cases WHERE " + where
                : "SELECT count(*) FROM (SELECT 1 FROM test_cases WHERE " + where + " LIMIT " + (COUNT_CAP + 1) + ") matches";
        return pool.preparedQuery(sql).execute(Tuple.from(params)).onFailure(PgException.class).transform(CaseSearch::badInput).map(rows -> {
            long n = rows.iterator().next().getLong(0);
            return !narrowed && n > COUNT_CAP ? new Count(COUNT_CAP, true) : new Count(n, false);
        });
    }

    private static StringBuilder where(CaseQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder("project_id = ").append(param(params, query.projectId()));
        where.append(query.deleted() ? " AND deleted_at IS NOT NULL" : " AND deleted_at IS NULL");
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND search @@ websearch_to_tsquery('english', ").append(param(params, query.text())).append(")");
        }
        if (query.suiteId() != null) {
            where.append(" AND suite_id IN (WITH RECURSIVE tree AS (SELECT id FROM suites WHERE id = ")
                    .append(param(params, query.suiteId()))
                    .append(" UNION ALL SELECT s.id FROM suites s JOIN tree t ON s.parent_id = t.id) SELECT id FROM tree)");
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            where.append(" AND tags @> CAST(").append(text(params, JsonColumns.write(query.tags()))).append(" AS jsonb)");
        }
        anyOf(where, params, "priority", query.priorities());
        anyOf(where, params, "status", query.statuses());
        anyOf(where, params, "type", query.types());
        if (query.automated() != null) {
            where.append(query.automated() ? " AND automation_key IS NOT NULL" : " AND automation_key IS NULL");
        }
        if (query.customFields() != null && !query.customFields().isEmpty()) {
            where.append(" AND custom_fields @> CAST(").append(text(params, JsonColumns.write(query.customFields())))
                    .append(" AS jsonb)");
        }
        return where;
    }

    private static void anyOf(StringBuilder where, List<Object> params, String column, java.util.Set<? extends Enum<?>> values) {
        if (values != null && !values.isEmpty()) {
            String[] names = values.stream().map(Enum::name).toArray(String[]::new);
            where.append(" AND ").append(column).append(" = ANY(").append(param(params, names)).append(")");
        }
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    /**
     * A parameter the driver must send as text for SQL to cast: bound straight to a jsonb or
     * integer parameter, it would be refused or stored as a JSON string.
     */
    private static String text(List<Object> params, String value) {
        return "CAST(" + param(params, value) + " AS text)";
    }

    /**
     * A search term or tag with a NUL character, which PostgreSQL cannot take as text, or a
     * cursor whose values do not cast back (it was edited by hand): the client's mistake.
     */
    private static Throwable badInput(Throwable failure) {
        String state = ((PgException) failure).getSqlState();
        if ("22021".equals(state) || "22P05".equals(state)) {
            return new InvalidRequestException("A search term contains the NUL character (U+0000); remove it and search again.");
        }
        if (state != null && state.startsWith("22")) {
            return new InvalidFieldsException("cursor", "is not a cursor this service handed out");
        }
        return failure;
    }
}
