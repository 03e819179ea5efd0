package io.testtrack.notification.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.Channel;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may follow a project or run channel: a member of its project (or an admin), as the
 * membership projection says. A channel of a project the caller cannot see, and one that does not
 * exist, are the same "not found".
 */
@ApplicationScoped
public class ChannelAccess {

    private final ProjectAccess access;
    private final Pool pool;

    public ChannelAccess(ProjectAccess access, Pool pool) {
        this.access = access;
        this.pool = pool;
    }

    /** The channel's project, once the caller is allowed {@code permission} in it. */
    public Uni<UUID> require(Principal principal, Channel channel, Permission permission) {
        return projectOf(channel).chain(projectId -> access.require(principal, projectId, permission)
                .onFailure(ResourceNotFoundException.class).transform(e -> notFound())
                .replaceWith(projectId));
    }

    private Uni<UUID> projectOf(Channel channel) {
        return switch (channel.kind()) {
            case PROJECT -> Uni.createFrom().item(channel.id());
            case RUN -> pool.preparedQuery("SELECT project_id FROM runs WHERE run_id = $1").execute(Tuple.of(channel.id()))
                    .map(rows -> {
                        var it = rows.iterator();
                        if (!it.hasNext()) {
                            throw notFound();
                        }
                        return it.next().getUUID("project_id");
                    });
            case USER -> Uni.createFrom().failure(notFound());
        };
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("No such channel.");
    }
}
