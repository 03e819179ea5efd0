package io.testtrack.platform.security;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.ProjectRole;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Memberships as this service's projection of the access events has them, read through
 * ProjectionPool. A miss (a project or a member the projection does not know) is asked of
 * auth-service before it counts ({@link AuthReadThrough}), so that what was created a moment ago
 * is usable at once; a hit is the projection's answer alone.
 */
@ApplicationScoped
@DefaultBean
public class ProjectedMemberships implements MembershipLookup {

    private final Pool pool;
    private final AuthReadThrough readThrough;

    public ProjectedMemberships(ProjectionPool projection, AuthReadThrough readThrough) {
        this.pool = projection.pool();
        this.readThrough = readThrough;
    }

    @Override
    public Uni<Optional<ProjectRole>> roleOf(UUID projectId, UUID userId) {
        return standing(projectId, userId).map(standing -> Optional.ofNullable(standing.role()));
    }

    @Override
    public Uni<Boolean> projectExists(UUID projectId) {
        return pool.preparedQuery("SELECT 1 FROM access_projects WHERE project_id = $1").execute(Tuple.of(projectId))
                .map(rows -> rows.size() > 0)
                .chain(exists -> exists ? Uni.createFrom().item(true)
                        : readThrough.standing(projectId, null).map(auth -> auth.map(Standing::projectExists).orElse(false)));
    }

    /** One round trip for every project-scoped request whose answer the projection has. */
    @Override
    public Uni<Standing> standing(UUID projectId, UUID userId) {
        return projected(projectId, userId).chain(projected -> projected.role() != null
                ? Uni.createFrom().item(projected)
                : readThrough.standing(projectId, userId).map(auth -> auth.orElse(projected)));
    }

    private Uni<Standing> projected(UUID projectId, UUID userId) {
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

    /** What the projection last heard of the user's global role (a role change arrives as an event). */
    @Override
    public Uni<Optional<GlobalRole>> globalRole(UUID userId) {
        return pool.preparedQuery("SELECT global_role FROM access_users WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> {
                    var it = rows.iterator();
                    String role = it.hasNext() ? it.next().getString("global_role") : null;
                    return Optional.ofNullable(role).map(GlobalRole::valueOf);
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
