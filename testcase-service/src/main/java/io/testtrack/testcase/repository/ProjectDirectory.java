package io.testtrack.testcase.repository;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.persistence.DedicatedConnections;
import io.testtrack.platform.security.ProjectionPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Projects as the membership projection knows them: their key prefixes case keys. */
@ApplicationScoped
public class ProjectDirectory {

    private final Pool projection;
    private final Pool numbers;

    public ProjectDirectory(ProjectionPool projection, DedicatedConnections connections, PlatformConfig config) {
        this.projection = projection.pool();
        this.numbers = connections.pool(config.service() + "-case-numbers", 2);
    }

    @PreDestroy
    void close() {
        numbers.closeAndAwait();
    }

    /** The key of a project that takes changes; an archived project is read-only. */
    public Uni<String> writableKey(UUID projectId) {
        return projection.preparedQuery("SELECT key, archived FROM access_projects WHERE project_id = $1")
                .execute(Tuple.of(projectId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ResourceNotFoundException("No such project.");
                    }
                    Row row = rows.iterator().next();
                    if (row.getBoolean("archived")) {
                        throw new ConflictException("The project is archived; its test cases are read-only.");
                    }
                    return row.getString("key");
                });
    }

    /**
     * Reserves {@code count} case numbers and answers the first. Outside the caller's transaction
     * on purpose: a number is never handed out twice, and a rolled-back create only leaves a gap.
     * Callers inside a transaction (an import, a discovered test) already hold a connection of the
     * application's pool, so the reservation has connections of its own (see ProjectionPool).
     */
    public Uni<Integer> reserveNumbers(UUID projectId, int count) {
        return numbers.preparedQuery("INSERT INTO case_numbers (project_id, last_number) VALUES ($1, $2) "
                        + "ON CONFLICT (project_id) DO UPDATE SET last_number = case_numbers.last_number + $2 RETURNING last_number")
                .execute(Tuple.of(projectId, count))
                .map(rows -> rows.iterator().next().getInteger(0) - count + 1);
    }
}
