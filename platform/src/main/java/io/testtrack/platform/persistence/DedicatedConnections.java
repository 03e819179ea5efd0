package io.testtrack.platform.persistence;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections to the service's database outside the application's pool: for LISTEN (the
 * outbox relay's wake-ups, testcase-service's search totals) and for work that must get through
 * when that pool is saturated or held (the relay's own pool, the access projection's reads).
 * Same URL, role and password as the pool.
 */
@ApplicationScoped
public class DedicatedConnections {

    private final Vertx vertx;
    private final String reactiveUrl;
    private final String username;
    private final String password;

    public DedicatedConnections(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
    }

    /** Options for a connection named {@code metricsName} in the client metrics. */
    public PgConnectOptions options(String metricsName) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl).setUser(username).setPassword(password);
        options.setMetricsName(metricsName);
        return options;
    }

    /** A pool of its own, of at most {@code maxSize} connections; its owner closes it. */
    public Pool pool(String name, int maxSize) {
        return pool(name, maxSize, Map.of());
    }

    /** The same, its connections started with these session settings (PostgreSQL run-time parameters). */
    public Pool pool(String name, int maxSize, Map<String, String> settings) {
        PgConnectOptions options = options(name);
        settings.forEach(options::addProperty);
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(maxSize).setName(name))
                .connectingTo(options)
                .using(vertx.getDelegate())
                .build());
    }

    /** A LISTEN connection that reconnects every second after it is lost (not connected yet). */
    public PgSubscriber subscriber(String metricsName) {
        return PgSubscriber.subscriber(vertx.getDelegate(), options(metricsName)).reconnectPolicy(retries -> 1_000L);
    }
}
