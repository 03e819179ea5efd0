package io.testtrack.testcase.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.persistence.DedicatedConnections;
import io.testtrack.testcase.domain.CaseQuery;
import io.testtrack.testcase.repository.CaseSearch;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The totals of recent searches, per replica, so that paging through or repeating a search does
 * not count its matches again (counting is most of a text search's cost: docs/benchmarks.md).
 *
 * <p>Totals are exact, not merely recent: each project has a generation, and a total is kept
 * under the generation read before it was counted. A committed change to a project's cases or
 * suites raises the generation in every replica by a NOTIFY from the database (migration V3),
 * and at once in the replica that made it, before its answer leaves, so a client sees its own
 * change in the next total. While the LISTEN connection is down (or reconnecting, when a NOTIFY
 * may have been missed) totals are counted every time.
 */
@ApplicationScoped
public class SearchTotals {

    static final String CHANNEL = "testcase_search_changed";
    private static final String TOUCHED = SearchTotals.class.getName() + ".touched";

    /** A search's filters, without its sort and page, at one generation of its project. */
    private record Key(CaseQuery filters, long epoch, long generation) {
    }

    private final Cache<Key, CaseSearch.Count> totals = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final ConcurrentHashMap<UUID, AtomicLong> generations = new ConcurrentHashMap<>();
    /** Raised on every (re)connection of the LISTEN: whatever was counted before may have missed a NOTIFY. */
    private final AtomicLong epoch = new AtomicLong();
    private final DedicatedConnections connections;
    private volatile boolean listening;
    private PgSubscriber subscriber;

    public SearchTotals(DedicatedConnections connections) {
        this.connections = connections;
    }

    void onStart(@Observes StartupEvent event) {
        subscriber = connections.subscriber("search-totals-listen");
        subscriber.channel(CHANNEL)
                .subscribeHandler(ignored -> {
                    epoch.incrementAndGet();
                    listening = true;
                })
                .endHandler(ignored -> listening = false)
                .handler(this::changed);
        subscriber.closeHandler(ignored -> listening = false);
        subscriber.connect().onFailure(e -> Log.warnf("search totals LISTEN failed, counting every search: %s", e.getMessage()));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** Whether totals are kept (the LISTEN connection is up). */
    public boolean listening() {
        return listening;
    }

    /** The total of {@code query}: kept, or counted by {@code count} and kept. */
    public Uni<CaseSearch.Count> total(CaseQuery query, Supplier<Uni<CaseSearch.Count>> count) {
        if (!listening) {
            return count.get();
        }
        long before = epoch.get();
        Key key = new Key(query.filtersOnly(), before, generation(query.projectId()).get());
        CaseSearch.Count kept = totals.getIfPresent(key);
        if (kept != null) {
            return Uni.createFrom().item(kept);
        }
        return count.get().invoke(counted -> {
            if (listening && epoch.get() == before) {
                totals.put(key, counted);
            }
        });
    }

    /**
     * Notes that the current request changes {@code projectId}: the totals of that project are
     * dropped in this replica once the change has committed, before the answer is sent.
     */
    public void touched(UUID projectId) {
        if (VertxContext.isOnDuplicatedContext()) {
            Set<UUID> touched = ContextLocals.<Set<UUID>> get(TOUCHED).orElse(null);
            if (touched == null) {
                touched = new HashSet<>();
                ContextLocals.put(TOUCHED, touched);
            }
            touched.add(projectId);
        }
    }

    @ServerResponseFilter
    public void afterChange() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.<Set<UUID>> get(TOUCHED).ifPresent(projects -> projects.forEach(this::changed));
        }
    }

    private void changed(String projectId) {
        try {
            changed(UUID.fromString(projectId));
        } catch (IllegalArgumentException e) {
            Log.warnf("ignoring a %s notification without a project id: %s", CHANNEL, projectId);
        }
    }

    private void changed(UUID projectId) {
        generation(projectId).incrementAndGet();
    }

    private AtomicLong generation(UUID projectId) {
        return generations.computeIfAbsent(projectId, id -> new AtomicLong());
    }
}
