package io.testtrack.platform.security;

import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.persistence.DedicatedConnections;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Connections of their own for reading the access projection (members, projects, users). Access
 * is often decided after the resource is loaded, inside a session or transaction that already
 * holds a connection of the application's pool; taking the second one from that same pool would
 * let as many such requests as the pool has connections each hold one and wait for another, until
 * the pool's timeout fails them all. A connection of this pool is never held while waiting for
 * anything else, so it always comes back.
 */
@ApplicationScoped
public class ProjectionPool {

    private final Pool pool;

    public ProjectionPool(DedicatedConnections connections, PlatformConfig config) {
        this.pool = connections.pool(config.service() + "-access-projection", config.accessProjection().poolSize());
    }

    public Pool pool() {
        return pool;
    }

    @PreDestroy
    void close() {
        pool.closeAndAwait();
    }
}
