package io.testtrack.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Native SQL in the current session: one statement with named parameters (a projection's
 * upserts and deletes), or one set-based statement per slice of many rows (a bulk write).
 */
public final class NativeStatements {

    /** Rows per statement of {@link #forRows}: a few megabytes of JSON at most, however many rows a caller has. */
    public static final int ROWS_PER_STATEMENT = 1_000;

    private NativeStatements() {
    }

    public static Uni<Void> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /**
     * Runs {@code sql} once per slice of {@link #ROWS_PER_STATEMENT} items, one slice after the
     * other and in the order given, with the slice's rows ({@code row} of each item) as a JSON
     * array of objects in the parameter {@code :rows}: the statement reads them with
     * {@code json_to_recordset(CAST(CAST(:rows AS text) AS json))} (the inner cast matters, as for
     * {@link JsonColumn}: bound straight to a json parameter, the text would arrive as one JSON
     * string). One statement writes a thousand rows, where an entity each would cost a statement
     * each; rows are made a slice at a time, so only one slice of them is ever in memory.
     */
    public static <T> Uni<Void> forRows(String sql, List<T> items, Function<T, ?> row) {
        int slices = (items.size() + ROWS_PER_STATEMENT - 1) / ROWS_PER_STATEMENT;
        return Multi.createFrom().range(0, slices)
                .onItem().transformToUniAndConcatenate(slice -> execute(sql, Map.of("rows", JsonColumn.write(
                        items.subList(slice * ROWS_PER_STATEMENT, Math.min(items.size(), (slice + 1) * ROWS_PER_STATEMENT)).stream()
                                .map(row).toList()))))
                .collect().last().replaceWithVoid();
    }
}
