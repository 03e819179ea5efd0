package io.testtrack.platform.security;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.ProjectRole;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Memberships as this service's projection of the access events has them, read through ProjectionPool. */
@ApplicationScoped
@DefaultBean
public class ProjectedMemberships implements MembershipLookup {

    private final Pool pool;

    public ProjectedMemberships(ProjectionPool projection) {
        this.pool = projection.pool();
    }

    @Override
    public Uni<Optional<ProjectRole>> roleOf(UUID projectId, UUID userId) {
        return pool.preparedQuery("SELECT role FROM access_members WHERE project_id = $1 AND user_id = $2")
                .execute(Tuple.of(projectId, userId))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(ProjectRole.valueOf(it.next().getString("role"))) : Optional.empty();
                });
    }

    @Override
    public Uni<Boolean> projectExists(UUID projectId) {
        return pool.preparedQuery("SELECT 1 FROM access_projects WHERE project_id = $1").execute(Tuple.of(projectId))
                .map(rows -> rows.size() > 0);
    }

    /** One round trip for every project-scoped request. */
    @Override
    public Uni<Standing> standing(UUID projectId, UUID userId) {
        return pool.preparedQuery("SELECT (SELECT active FROM access_users WHERE user_id = $2) AS active, "
                        + "EXISTS (SELECT 1 FROM access_projects WHERE project_id = $1) AS project, "
                        + "(SELECT role FROM access_members WHERE project_id = $1 AND user_id = $2) AS role")
                .execute(Tuple.of(projectId, userId))
                .map(rows -> {
                    var row = rows.iterator().next();
                    Boolean active = row.getBoolean("active");
                    String role = row.getString("role");
                    return new Standing(active == null || active, row.getBoolean("project"),
                            role == null ? null : ProjectRole.valueOf(role));
                });
    }

    /** A user this service has not heard of yet counts as active; a deactivation always arrives as an event. */
    @Override
    public Uni<Boolean> userActive(UUID userId) {
        return pool.preparedQuery("SELECT active FROM access_users WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> {
                    var it = rows.iterator();
                    return !it.hasNext() || it.next().getBoolean("active");
                });
    }
}
