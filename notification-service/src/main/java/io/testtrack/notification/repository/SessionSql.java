package io.testtrack.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Native reads in the current session (a consumer's transaction): rows as arrays, whatever the column count. */
public final class SessionSql {

    private SessionSql() {
    }

    public static Uni<List<Object[]>> rows(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).map(list -> {
            List<Object[]> rows = new ArrayList<>(list.size());
            for (Object row : list) {
                rows.add(row instanceof Object[] array ? array : new Object[] {row});
            }
            return rows;
        });
    }
}
