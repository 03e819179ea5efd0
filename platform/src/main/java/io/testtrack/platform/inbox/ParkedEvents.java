package io.testtrack.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.audit.ParkedEventHandled;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.persistence.NativeStatements;
import io.testtrack.platform.security.Principal;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Where an event goes that its consumer cannot apply: a row in {@code parked_event} with the
 * failure, and the event's inbox row, in one transaction. The consumer then goes on with the
 * events behind it. Each parking is logged as an error and counted in
 * {@code testtrack_events_parked_total{consumer}}; {@code testtrack_events_parked_waiting{consumer}} is how
 * many wait now. An administrator lists, replays and discards them through
 * {@link ParkedEventsResource}.
 */
@ApplicationScoped
public class ParkedEvents {

    /** Enough of a failure to see what went wrong; a stack trace is in the log. */
    private static final int FAILURE_LENGTH = 4_000;

    private static final String PARK = "INSERT INTO parked_event (consumer, event_id, event_type, subject, event, failure, "
            + "topic, message_key) VALUES (:consumer, :eventId, :type, :subject, :event, :failure, :topic, :key) ON CONFLICT DO NOTHING";

    private static final String COLUMNS = "id, consumer, event_id, event_type, subject, topic, parked_at, failure, event";

    private final Inbox inbox;
    private final MeterRegistry registry;
    private final Pool pool;
    private final Outbox outbox;
    private final Vertx vertx;
    private final String service;
    /** Per consumer, how many of its events are parked now (refreshed every half minute). */
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();

    public ParkedEvents(Inbox inbox, MeterRegistry registry, Pool pool, Outbox outbox, Vertx vertx, PlatformConfig config) {
        this.inbox = inbox;
        this.registry = registry;
        this.pool = pool;
        this.outbox = outbox;
        this.vertx = vertx;
        this.service = config.service();
    }

    void onStart(@Observes StartupEvent event) {
        countWaiting();
        vertx.setPeriodic(Duration.ofSeconds(30).toMillis(), id -> countWaiting());
    }

    private void countWaiting() {
        pool.query("SELECT consumer, count(*) FROM parked_event GROUP BY consumer").execute().subscribe().with(rows -> {
            Map<String, Long> counts = new HashMap<>();
            rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
            counts.keySet().forEach(this::waitingOf);
            waiting.forEach((consumer, count) -> count.set(counts.getOrDefault(consumer, 0L)));
        }, failure -> Log.debugf("counting parked events failed: %s", failure.toString()));
    }

    private AtomicLong waitingOf(String consumer) {
        return waiting.computeIfAbsent(consumer, name -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("testtrack.events.parked.waiting", count, AtomicLong::get)
                    .description("Events of the consumer that are parked now, waiting for an operator")
                    .tag("consumer", name)
                    .register(registry);
            return count;
        });
    }

    /**
     * Parks {@code envelope} for {@code consumer} in the caller's transaction, unless the consumer
     * has applied or parked it before.
     */
    public Uni<Void> park(String consumer, EventEnvelope envelope, String topic, String key, Throwable failure) {
        return inbox.claimAll(consumer, List.of(envelope)).chain(fresh -> {
            if (fresh.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(PARK)
                            .setParameter("consumer", consumer)
                            .setParameter("eventId", storable(envelope.id()))
                            .setParameter("type", storable(envelope.type()))
                            .setParameter("subject", storable(envelope.subject()))
                            .setParameter("event", EventCodec.write(envelope))
                            .setParameter("failure", describe(failure))
                            .setParameter("topic", topic)
                            .setParameter("key", storable(key))
                            .executeUpdate())
                    .invoke(() -> {
                        Log.errorf(failure, "%s parked event %s (%s, subject %s): its change failed and will not be "
                                + "retried; see table parked_event", consumer, envelope.id(), envelope.type(), envelope.subject());
                        Counter.builder("testtrack.events.parked")
                                .description("Events a consumer could not apply, kept in parked_event")
                                .tag("consumer", consumer)
                                .register(registry)
                                .increment();
                        waitingOf(consumer).incrementAndGet();
                    })
                    .replaceWithVoid();
        });
    }

    private static String describe(Throwable failure) {
        String described = storable(EventFailures.causes(failure).map(String::valueOf).collect(Collectors.joining("\ncaused by: ")));
        return described.length() > FAILURE_LENGTH ? described.substring(0, FAILURE_LENGTH) : described;
    }

    /** PostgreSQL's text cannot hold NUL, and an event parked for having one may carry it anywhere. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    /** What an operator filters the parked events by; each part may be null. */
    public record Filter(String consumer, String type, Instant since, Instant until) {
    }

    /** A parked event; in a list, {@code failure} is its first line and {@code event} is left out. */
    public record Parked(long id, String service, String consumer, String eventId, String eventType, String subject,
            String topic, Instant parkedAt, boolean replayable, String failure, String event) {
    }

    public record Page(String service, List<Parked> items, Long nextCursor) {
    }

    public record Replayed(long id, String service, String consumer, String eventId, String topic) {
    }

    /** Newest first, {@code limit} at a time; {@code cursor} is the id of the last one of the page before. */
    public Uni<Page> list(Filter filter, Long cursor, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM parked_event WHERE ($1::bigint IS NULL OR id < $1) "
                        + "AND ($2::text IS NULL OR consumer = $2) AND ($3::text IS NULL OR event_type = $3) "
                        + "AND ($4::timestamptz IS NULL OR parked_at >= $4) AND ($5::timestamptz IS NULL OR parked_at < $5) "
                        + "ORDER BY id DESC LIMIT $6")
                .execute(Tuple.tuple(Arrays.asList(cursor, filter.consumer(), filter.type(), offset(filter.since()),
                        offset(filter.until()), limit + 1)))
                .map(rows -> {
                    List<Parked> items = new ArrayList<>();
                    rows.forEach(row -> items.add(parked(row, false)));
                    boolean more = items.size() > limit;
                    return new Page(service, more ? items.subList(0, limit) : items, more ? items.get(limit - 1).id() : null);
                });
    }

    public Uni<Parked> get(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM parked_event WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(id);
                    }
                    return parked(rows.iterator().next(), true);
                });
    }

    /**
     * Publishes the parked event again through the outbox, to its topic and under its key, after
     * forgetting it in the inbox of the consumer that parked it: that consumer applies it as it
     * comes (or parks it again, if the cause is still there); every other consumer of the topic
     * finds it in its own inbox and passes it by. One transaction, audited.
     */
    public Uni<Replayed> replay(long id, Principal.User admin) {
        return Panache.withTransaction(() -> taken(id).chain(row -> {
            if (row.topic() == null) {
                throw new ConflictException("Parked event " + id + " was parked before its topic was kept: it cannot be "
                        + "replayed, only discarded.");
            }
            Map<String, Object> values = new HashMap<>();
            values.put("eventId", row.eventId());
            values.put("topic", row.topic());
            values.put("key", row.key() == null ? row.eventId() : row.key());
            values.put("type", row.eventType());
            values.put("payload", row.event());
            return NativeStatements.execute("DELETE FROM inbox WHERE consumer = :consumer AND event_id = :eventId",
                            Map.of("consumer", row.consumer(), "eventId", row.eventId()))
                    // an earlier replay of the same event, long published: the outbox keeps an event id once
                    .chain(() -> NativeStatements.execute("DELETE FROM outbox WHERE event_id = CAST(:eventId AS uuid)",
                            Map.of("eventId", row.eventId())))
                    .chain(() -> NativeStatements.execute("INSERT INTO outbox (event_id, topic, message_key, event_type, payload) "
                            + "VALUES (CAST(:eventId AS uuid), :topic, :key, :type, :payload)", values))
                    .chain(() -> audited(row, "REPLAYED", admin))
                    .map(ignored -> new Replayed(id, service, row.consumer(), row.eventId(), row.topic()));
        })).onFailure(failure -> EventFailures.causes(failure).anyMatch(
                        cause -> cause instanceof DatabaseException db && "22P02".equals(db.getSqlState())))
                .transform(failure -> new ConflictException("Parked event " + id + " has an id that is not a UUID: it cannot "
                        + "be published again, only discarded."));
    }

    /** Forgets a parked event for good (its inbox row stays, so a redelivery is passed by too). Audited. */
    public Uni<Void> discard(long id, Principal.User admin) {
        return Panache.withTransaction(() -> taken(id).chain(row -> audited(row, "DISCARDED", admin)));
    }

    private record Taken(String consumer, String eventId, String eventType, String topic, String key, String event) {
    }

    /** Deletes the parked row, answering what it held; a 404 when there is none. */
    private Uni<Taken> taken(long id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("DELETE FROM parked_event WHERE id = :id "
                                + "RETURNING consumer, event_id, event_type, topic, message_key, event", Object[].class)
                        .setParameter("id", id).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw notFound(id);
                    }
                    Object[] r = rows.get(0);
                    return new Taken((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]);
                })
                .invoke(row -> waitingOf(row.consumer()).updateAndGet(count -> Math.max(0, count - 1)));
    }

    private Uni<Void> audited(Taken row, String action, Principal.User admin) {
        Log.infof("%s %s parked event %s of %s (%s)", admin.email(), action.toLowerCase(), row.eventId(), row.consumer(),
                row.eventType());
        return outbox.record(new ParkedEventHandled(service, row.consumer(), row.eventId(), row.eventType(), action,
                admin.userId(), admin.email())).replaceWithVoid();
    }

    private Parked parked(Row row, boolean whole) {
        String failure = row.getString("failure");
        return new Parked(row.getLong("id"), service, row.getString("consumer"), row.getString("event_id"),
                row.getString("event_type"), row.getString("subject"), row.getString("topic"),
                row.getOffsetDateTime("parked_at").toInstant(), row.getString("topic") != null,
                whole || failure == null ? failure : failure.lines().findFirst().orElse(""), whole ? row.getString("event") : null);
    }

    private ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("No parked event " + id + " in " + service + ".");
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
