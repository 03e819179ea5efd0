package io.testtrack.testcase.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deleted cases stay restorable for the retention period (30 days), then go for good, with their versions. */
@ApplicationScoped
public class TrashPurge {

    private final Pool pool;
    private final Vertx vertx;
    private final Duration retention;

    public TrashPurge(Pool pool, Vertx vertx,
            @ConfigProperty(name = "testcase.trash.retention", defaultValue = "P30D") Duration retention) {
        this.pool = pool;
        this.vertx = vertx;
        this.retention = retention;
    }

    void onStart(@Observes StartupEvent event) {
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), Duration.ofHours(1).toMillis(), id -> purge().subscribe().with(
                n -> Log.debugf("purged %d test cases from the trash", n),
                failure -> Log.warnf("trash purge failed: %s", failure.getMessage())));
    }

    /** Answers how many cases went. */
    public Uni<Integer> purge() {
        return pool.preparedQuery("DELETE FROM test_cases WHERE deleted_at < $1")
                .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(retention)))
                .map(rows -> rows.rowCount());
    }
}
