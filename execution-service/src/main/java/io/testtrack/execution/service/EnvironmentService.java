package io.testtrack.execution.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A project's list of environments (staging, production, …), kept by its LEAD. Once a project
 * has one, every run (manual or imported) names an environment from it; without one, any name goes.
 */
@ApplicationScoped
public class EnvironmentService {

    private final Pool pool;
    private final ProjectAccess access;

    public EnvironmentService(Pool pool, ProjectAccess access) {
        this.pool = pool;
        this.access = access;
    }

    public Uni<List<String>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ).chain(() -> names(projectId));
    }

    public Uni<List<String>> replace(Principal principal, UUID projectId, List<String> names) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names.stream().map(String::trim).toList()));
        if (distinct.stream().anyMatch(n -> n.isEmpty() || n.length() > 100)) {
            throw new InvalidFieldsException("names", "an environment's name is 1-100 characters");
        }
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> pool.withTransaction(connection -> connection.preparedQuery("DELETE FROM environments WHERE project_id = $1")
                        .execute(Tuple.of(projectId))
                        .chain(() -> distinct.isEmpty() ? Uni.createFrom().voidItem()
                                : connection.preparedQuery("INSERT INTO environments (project_id, name, position) VALUES ($1, $2, $3)")
                                        .executeBatch(positions(projectId, distinct)).replaceWithVoid())))
                .chain(() -> names(projectId));
    }

    /** Fails with a 400 naming the project's environments when {@code environment} is not one of them. */
    public Uni<Void> check(UUID projectId, String environment) {
        return names(projectId).invoke(names -> {
            if (!names.isEmpty() && (environment == null || !names.contains(environment))) {
                throw new InvalidFieldsException("environment", "must be one of the project's environments " + names);
            }
        }).replaceWithVoid();
    }

    private Uni<List<String>> names(UUID projectId) {
        return pool.preparedQuery("SELECT name FROM environments WHERE project_id = $1 ORDER BY position").execute(Tuple.of(projectId))
                .map(rows -> {
                    List<String> names = new ArrayList<>();
                    rows.forEach(row -> names.add(row.getString(0)));
                    return names;
                });
    }

    private static List<Tuple> positions(UUID projectId, List<String> names) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(Tuple.of(projectId, names.get(i), i));
        }
        return rows;
    }
}
