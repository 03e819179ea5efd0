package io.testtrack.testcase.repository;

import io.quarkus.runtime.ShutdownEvent;
import io.testtrack.platform.persistence.DedicatedConnections;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The connections searches run on. A search's best plan depends on its values (a rare tag or a
 * common word, a project of ten cases or of 100,000), so these connections plan each execution
 * for them ({@code plan_cache_mode=force_custom_plan}) instead of letting a prepared statement
 * turn generic after five runs: a first page of a text + tag search took 3 ms with its own plan
 * and 30 ms with the generic one (docs/benchmarks.md). Writes stay on the application's pool,
 * where PostgreSQL's default keeps a CSV import's 30,000 inserts from being planned one by one.
 */
@ApplicationScoped
public class SearchPool {

    private final Pool pool;

    public SearchPool(DedicatedConnections connections, @ConfigProperty(name = "testcase.search.pool-size") int size) {
        this.pool = connections.pool("search", size, Map.of("plan_cache_mode", "force_custom_plan"));
    }

    public Pool pool() {
        return pool;
    }

    void close(@Observes ShutdownEvent event) {
        pool.closeAndAwait();
    }
}
