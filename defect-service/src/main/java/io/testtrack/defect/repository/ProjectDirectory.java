package io.testtrack.defect.repository;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.persistence.DedicatedConnections;
import io.testtrack.platform.security.ProjectionPool;
import io.testtrack.platform.security.ProjectedProjects;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Projects and members as the membership projection knows them: a project's key prefixes its defects' keys. */
@ApplicationScoped
public class ProjectDirectory {

    /** A member of a project, as mentions resolve them. */
    public record Member(UUID userId, String email) {
    }

    private final Pool projection;
    private final ProjectedProjects projects;
    private final Pool numbers;

    public ProjectDirectory(ProjectionPool projection, ProjectedProjects projects, DedicatedConnections connections,
            PlatformConfig config) {
        this.projection = projection.pool();
        this.projects = projects;
        this.numbers = connections.pool(config.service() + "-defect-numbers", 2);
    }

    @PreDestroy
    void close() {
        numbers.closeAndAwait();
    }

    /** The key of a project that takes changes; an archived project is read-only. */
    public Uni<String> writableKey(UUID projectId) {
        return projects.writableKey(projectId, "defects");
    }

    /**
     * Reserves the project's next defect number. Outside the caller's transaction on purpose: a
     * number is never handed out twice, a rolled-back create only leaves a gap, and creates in one
     * project do not wait for each other's commits.
     */
    public Uni<Integer> nextNumber(UUID projectId) {
        return numbers.preparedQuery("INSERT INTO defect_numbers (project_id, last_number) VALUES ($1, 1) "
                        + "ON CONFLICT (project_id) DO UPDATE SET last_number = defect_numbers.last_number + 1 RETURNING last_number")
                .execute(Tuple.of(projectId))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The project's members with a known e-mail. */
    public Uni<List<Member>> members(UUID projectId) {
        return projection.preparedQuery("SELECT m.user_id, u.email FROM access_members m JOIN access_users u ON u.user_id = m.user_id "
                        + "WHERE m.project_id = $1 AND u.email IS NOT NULL")
                .execute(Tuple.of(projectId))
                .map(rows -> {
                    List<Member> members = new ArrayList<>();
                    rows.forEach(row -> members.add(new Member(row.getUUID("user_id"), row.getString("email"))));
                    return members;
                });
    }
}
