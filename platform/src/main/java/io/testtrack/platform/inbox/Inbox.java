package io.testtrack.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.persistence.JsonColumn;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Idempotent consumption: {@link #once} records the event id for a consumer and runs the
 * consumer's change only if the id was new, both in the caller's current transaction. A
 * redelivered event (a relay retry, a consumer restart before its offset commit) changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = "INSERT INTO inbox (consumer, event_id, event_type) VALUES (:consumer, :eventId, :type) "
            + "ON CONFLICT DO NOTHING";
    /**
     * One statement for a poll's events: an event seen twice in the poll is claimed once. A write
     * counted, not a select: Hibernate Reactive never finds again the plan of a native select
     * (its result mapping has no equality), so each run would add one more plan under the same
     * hash and every later run scan them all; a write's plan is made once.
     */
    static final String CLAIM_ALL = "INSERT INTO inbox (consumer, event_id, event_type) "
            + "SELECT :consumer, r.event_id, r.event_type FROM json_to_recordset(CAST(CAST(:rows AS text) AS json)) "
            + "AS r(event_id text, event_type text) ON CONFLICT DO NOTHING";
    /** Which of the poll's events this transaction claimed: asked only when some had been claimed before. */
    private static final String CLAIMED_NOW = "SELECT event_id FROM inbox WHERE consumer = :consumer "
            + "AND xmin = CAST(pg_current_xact_id() AS xid) "
            + "AND event_id IN (SELECT r.event_id FROM json_to_recordset(CAST(CAST(:rows AS text) AS json)) AS r(event_id text))";
    private static final String PURGE = "DELETE FROM inbox WHERE received_at < now() - make_interval(secs => $1)";

    private final Pool pool;
    private final Vertx vertx;
    private final PlatformConfig config;

    public Inbox(Pool pool, Vertx vertx, PlatformConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> purge());
    }

    /**
     * Runs {@code change} if {@code consumer} has not applied this event before. Must be called
     * inside a transaction; answers whether the change ran.
     */
    public Uni<Boolean> once(String consumer, EventEnvelope envelope, Supplier<Uni<Void>> change) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException("Inbox.once needs an active transaction"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", envelope.id())
                        .setParameter("type", envelope.type())
                        .executeUpdate())
                .chain(claimed -> {
                    if (claimed == 0) {
                        Log.debugf("%s already applied event %s (%s); skipped", consumer, envelope.id(), envelope.type());
                        return Uni.createFrom().item(false);
                    }
                    return change.get().replaceWith(true);
                });
    }

    /**
     * Claims a poll's events for {@code consumer} with one statement, in the caller's current
     * transaction; answers those it had not applied before, in the given order, each once (a
     * poll may hold a redelivery of an event beside the event).
     */
    public Uni<List<EventEnvelope>> claimAll(String consumer, List<EventEnvelope> envelopes) {
        List<Map<String, String>> rows = envelopes.stream()
                .map(envelope -> Map.of("event_id", envelope.id(), "event_type", envelope.type())).toList();
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException("Inbox.claimAll needs an active transaction"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(CLAIM_ALL)
                        .setParameter("consumer", consumer)
                        .setParameter("rows", JsonColumn.write(rows))
                        .executeUpdate()
                        .chain(claimed -> {
                            Set<String> distinct = new HashSet<>();
                            envelopes.forEach(envelope -> distinct.add(envelope.id()));
                            if (claimed == distinct.size()) {
                                return Uni.createFrom().item(distinct);
                            }
                            return session.createNativeQuery(CLAIMED_NOW, String.class)
                                    .setParameter("consumer", consumer)
                                    .setParameter("rows", JsonColumn.write(rows))
                                    .getResultList()
                                    .map(HashSet::new);
                        }))
                .map(unclaimed -> {
                    List<EventEnvelope> fresh = envelopes.stream().filter(envelope -> unclaimed.remove(envelope.id())).toList();
                    if (fresh.size() < envelopes.size()) {
                        Log.debugf("%s had applied %d of %d events before; skipped", consumer, envelopes.size() - fresh.size(),
                                envelopes.size());
                    }
                    return fresh;
                });
    }

    private void purge() {
        pool.preparedQuery(PURGE).execute(Tuple.of((double) config.inbox().retention().toSeconds()))
                .subscribe().with(
                        rows -> Log.debugf("purged %d inbox rows", rows.rowCount()),
                        failure -> Log.warnf("inbox purge failed: %s", failure.getMessage()));
    }
}
