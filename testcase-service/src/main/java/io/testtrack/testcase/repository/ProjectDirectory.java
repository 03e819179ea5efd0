package io.testtrack.testcase.repository;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.persistence.DedicatedConnections;
import io.testtrack.platform.security.ProjectedProjects;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Projects as this service knows them (ProjectedProjects): their key prefixes case keys; case numbers. */
@ApplicationScoped
public class ProjectDirectory {

    private final ProjectedProjects projects;
    private final Pool numbers;

    public ProjectDirectory(ProjectedProjects projects, DedicatedConnections connections, PlatformConfig config) {
        this.projects = projects;
        this.numbers = connections.pool(config.service() + "-case-numbers", 2);
    }

    @PreDestroy
    void close() {
        numbers.closeAndAwait();
    }

    /** The key of a project that takes changes; an archived project is read-only. */
    public Uni<String> writableKey(UUID projectId) {
        return projects.writableKey(projectId, "test cases");
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
