package io.testtrack.platform.security;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's key and state as this service's projection of the access events has them; a
 * project the projection has not heard of yet (created a moment ago) is asked of auth-service,
 * as memberships are ({@link AuthReadThrough}).
 */
@ApplicationScoped
public class ProjectedProjects {

    /** What a service needs of a project: its key (which prefixes the keys of its cases and defects) and whether it is archived. */
    public record Project(UUID id, String key, boolean archived) {
    }

    private final Pool pool;
    private final AuthReadThrough readThrough;

    public ProjectedProjects(ProjectionPool projection, AuthReadThrough readThrough) {
        this.pool = projection.pool();
        this.readThrough = readThrough;
    }

    public Uni<Optional<Project>> find(UUID projectId) {
        return pool.preparedQuery("SELECT key, archived FROM access_projects WHERE project_id = $1").execute(Tuple.of(projectId))
                .chain(rows -> {
                    if (rows.rowCount() > 0) {
                        Row row = rows.iterator().next();
                        return Uni.createFrom().item(Optional.of(new Project(projectId, row.getString("key"), row.getBoolean("archived"))));
                    }
                    return readThrough.project(projectId);
                });
    }

    /**
     * The key of a project that takes changes: a 404 for an unknown project, a 409 for an archived
     * one, whose {@code contents} ("test cases", "defects") are read-only.
     */
    public Uni<String> writableKey(UUID projectId, String contents) {
        return find(projectId).map(found -> {
            Project project = found.orElseThrow(() -> new ResourceNotFoundException("No such project."));
            if (project.archived()) {
                throw new ConflictException("The project is archived; its " + contents + " are read-only.");
            }
            return project.key();
        });
    }
}
