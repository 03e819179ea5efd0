package io.testtrack.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/** One native SQL statement with named parameters in the current session (a projection's upserts and deletes). */
public final class NativeStatements {

    private NativeStatements() {
    }

    public static Uni<Void> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
