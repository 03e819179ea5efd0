package io.testtrack.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.correlation.CorrelationId;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

/**
 * What every {@code @Incoming} method does with a record: read the CloudEvent, put its request id
 * back into the log context, and apply the consumer's change once, in one transaction with the
 * inbox row. A record that is not an event is logged and skipped rather than blocking the partition.
 *
 * <p>Every transaction has a deadline ({@code testtrack.inbox.transaction-deadline}): past it,
 * PostgreSQL is told to end the transaction's session, which rolls it back and closes its
 * connection, and the work counts as failed for a moment. No bug in a change can leave a
 * transaction open and the consumer waiting for good.
 *
 * <p>When a change fails ({@link EventFailures} tells how):
 * <ul>
 * <li>for a moment (the database unreachable, a deadlock, a deadline passed): it is tried again
 * with a growing pause, from 200 ms to 30 s, for at most {@code testtrack.inbox.transient-retry-limit};
 * the partition waits and nothing is skipped. Past the limit the event is parked as below;</li>
 * <li>because of the event (its data breaks a constraint, it does not read): when several events
 * were applied together, each is applied alone, and the one whose change fails is parked
 * ({@link ParkedEvents}) so that the events behind it go on;</li>
 * <li>a consumer that must never pass an event by ({@link OnBadEvent#STOP}) parks nothing: the
 * failure stops its channel;</li>
 * <li>otherwise (a bug, a missing table: every event may fail alike): the failure stops the
 * consumer's channel. A stopped channel turns liveness DOWN, so the orchestrator restarts the
 * service, and the restart applies what waited.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {

    /** What becomes of an event whose change fails because of the event itself. */
    public enum OnBadEvent {
        /** Set it aside in {@code parked_event} and go on with the events behind it. */
        PARK,
        /** Stop the consumer on it, as on any failure: for a consumer that must not pass an event by. */
        STOP
    }

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Inbox inbox;
    private final ParkedEvents parked;
    private final ConsumerMetrics metrics;
    private final Pool pool;
    private final Duration deadline;
    private final Duration retryLimit;
    private final String topicPrefix;

    public EventConsumer(Inbox inbox, ParkedEvents parked, ConsumerMetrics metrics, Pool pool, PlatformConfig config) {
        this.inbox = inbox;
        this.parked = parked;
        this.metrics = metrics;
        this.pool = pool;
        this.deadline = config.inbox().transactionDeadline();
        this.retryLimit = config.inbox().transientRetryLimit();
        this.topicPrefix = config.kafka().topicPrefix().orElse("");
    }

    /** One event at a time: one record, one transaction. */
    public Uni<Void> applyOne(String consumer, ConsumerRecord<String, String> record,
            Function<EventEnvelope, Uni<Void>> change) {
        List<Delivered> delivered = delivered(consumer, List.of(record));
        if (delivered.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope envelope = delivered.get(0).envelope();
        String correlationId = envelope.correlationid() != null ? envelope.correlationid() : header(record, CorrelationId.HEADER);
        if (correlationId != null) {
            MDC.put(CorrelationId.MDC_KEY, correlationId);
        }
        return tracked(consumer, delivered, applyOrPark(consumer, delivered, OnBadEvent.PARK, Vertx.currentContext(),
                only -> inTransaction(consumer,
                        () -> inbox.once(consumer, only.get(0), () -> change.apply(only.get(0))).replaceWithVoid())));
    }

    /**
     * A poll at a time: a poll's worth of records in one transaction, claimed in the inbox with one statement, then
     * each new event applied, in order, under its request id. Catching up on a backlog (a restart,
     * a bulk import upstream) then costs one commit and one claim per poll instead of per event.
     * Records that are not events are logged and skipped.
     */
    public Uni<Void> applyPoll(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<EventEnvelope, Uni<Void>> change) {
        return applyPoll(consumer, records, OnBadEvent.PARK, change);
    }

    /** As {@link #applyPoll(String, Iterable, Function)}, choosing what becomes of a bad event. */
    public Uni<Void> applyPoll(String consumer, Iterable<ConsumerRecord<String, String>> records, OnBadEvent onBadEvent,
            Function<EventEnvelope, Uni<Void>> change) {
        return applyNewTogether(consumer, records, onBadEvent, fresh -> Multi.createFrom().iterable(fresh)
                .onItem().transformToUniAndConcatenate(envelope -> {
                    if (envelope.correlationid() != null) {
                        MDC.put(CorrelationId.MDC_KEY, envelope.correlationid());
                    }
                    return change.apply(envelope);
                })
                .collect().last().replaceWithVoid());
    }

    /**
     * The new ones together: as {@link #applyPoll}, but the events of the poll that this consumer
     * had not applied yet are handed to {@code change} together, in order, in the same transaction as their inbox
     * rows: for a consumer whose work is cheaper for many events at once. The log context has
     * their request id when they share one (a poll's events mostly come from one request).
     */
    public Uni<Void> applyNewTogether(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<List<EventEnvelope>, Uni<Void>> change) {
        return applyNewTogether(consumer, records, OnBadEvent.PARK, change);
    }

    private Uni<Void> applyNewTogether(String consumer, Iterable<ConsumerRecord<String, String>> records, OnBadEvent onBadEvent,
            Function<List<EventEnvelope>, Uni<Void>> change) {
        List<Delivered> delivered = delivered(consumer, records);
        if (delivered.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tracked(consumer, delivered, applyOrPark(consumer, delivered, onBadEvent, Vertx.currentContext(),
                some -> inTransaction(consumer, () -> inbox.claimAll(consumer, some).chain(fresh -> {
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<String> requestIds = fresh.stream().map(EventEnvelope::correlationid).distinct().toList();
                    if (requestIds.size() == 1 && requestIds.get(0) != null) {
                        MDC.put(CorrelationId.MDC_KEY, requestIds.get(0));
                    }
                    return change.apply(fresh);
                }))));
    }

    /** Counts the poll as in flight while it is applied, and logs a failure that stops the channel. */
    private Uni<Void> tracked(String consumer, List<Delivered> delivered, Uni<Void> applying) {
        long oldest = delivered.stream().mapToLong(Delivered::timestamp).min().orElse(System.currentTimeMillis());
        return applying
                .onSubscription().invoke(() -> metrics.started(consumer, oldest))
                .onTermination().invoke(() -> metrics.finished(consumer))
                .onFailure().invoke(failure -> Log.errorf(failure, "%s stops: a change failed and was neither retried nor "
                        + "parked; its channel stops and liveness turns DOWN, so the service is restarted and applies the "
                        + "waiting events", consumer));
    }

    /**
     * {@code work} in one transaction that ends by {@link #deadline} at the latest: past it the
     * transaction's session is ended by PostgreSQL (rolling it back and closing its connection, so
     * nothing of it stays open whatever became of the chain that held it) and the try fails with
     * a {@link DeadlinePassedException}, which is retried like any failure of a moment. The
     * session is ended before the stalled chain is let go: let go first, it would hand its
     * connection back to the pool, where another caller could take it just before it is killed.
     */
    private Uni<Void> inTransaction(String consumer, Supplier<Uni<Void>> work) {
        AtomicInteger backend = new AtomicInteger();
        Uni<Void> transaction = Panache.withTransaction(() -> Panache.getSession()
                // a query, not native SQL: Hibernate Reactive would make a native select's plan anew each time (see Inbox)
                .chain(session -> session.createSelectionQuery("select cast(function('pg_backend_pid') as Integer)", Integer.class)
                        .getSingleResult())
                .invoke(backend::set)
                .chain(pid -> work.get()));
        Uni<Void> deadlinePassed = Uni.createFrom().<Void>nothing()
                .ifNoItem().after(deadline).recoverWithUni(() -> {
                    metrics.deadlinePassed(consumer);
                    return endSession(consumer, backend.get())
                            .chain(() -> Uni.createFrom().failure(new DeadlinePassedException(consumer, deadline)));
                });
        // the first to end wins; the other is cancelled
        return Uni.combine().any().of(transaction, deadlinePassed);
    }

    private Uni<Void> endSession(String consumer, int backend) {
        if (backend == 0) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("SELECT pg_terminate_backend($1)").execute(Tuple.of(backend))
                .invoke(() -> Log.warnf("%s passed its transaction deadline of %s; PostgreSQL ended its session %d, "
                        + "which rolled the transaction back", consumer, deadline, backend))
                .onFailure().invoke(failure -> Log.warnf("%s passed its transaction deadline; ending session %d failed: %s",
                        consumer, backend, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Applies {@code events} together with {@code apply} (one transaction), retrying transient
     * failures. When one of them is a bad event, or still fails for a moment past the retry
     * limit, each is applied alone, and the one whose change fails alone is parked (or stops the
     * consumer, as {@code onBadEvent} says); any other failure stops the consumer. Every try runs
     * on {@code context}, the consumer's Vert.x context, where the reactive session lives (a
     * retry's pause ends on another thread).
     */
    private Uni<Void> applyOrPark(String consumer, List<Delivered> events, OnBadEvent onBadEvent, Context context,
            Function<List<EventEnvelope>, Uni<Void>> apply) {
        List<EventEnvelope> envelopes = events.stream().map(Delivered::envelope).toList();
        return untilNotTransient(consumer, context, () -> apply.apply(envelopes))
                .onFailure(failure -> onBadEvent == OnBadEvent.PARK
                        && (EventFailures.isBadEvent(failure) || EventFailures.isTransient(failure)))
                .recoverWithUni(failure -> {
                    if (events.size() > 1) {
                        Log.warnf("%s could not apply %d events together (%s); applying each alone", consumer, events.size(),
                                failure.toString());
                        return Multi.createFrom().iterable(events)
                                .onItem().transformToUniAndConcatenate(
                                        event -> applyOrPark(consumer, List.of(event), onBadEvent, context, apply))
                                .collect().last().replaceWithVoid();
                    }
                    Throwable reason = EventFailures.isTransient(failure)
                            ? new RetriesExhaustedException(retryLimit, failure) : failure;
                    Delivered event = events.get(0);
                    return untilNotTransient(consumer, context, () -> inTransaction(consumer,
                            () -> parked.park(consumer, event.envelope(), logical(event.topic()), event.key(), reason)));
                });
    }

    private Uni<Void> untilNotTransient(String consumer, Context context, Supplier<Uni<Void>> attempt) {
        Uni<Void> tried = Uni.createFrom().deferred(() -> attempt.get());
        if (context != null) {
            tried = tried.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return tried
                .onFailure(EventFailures::isTransient).invoke(failure -> Log.warnf(
                        "%s will try again: the change failed for a moment (%s)", consumer, failure.toString()))
                .onFailure(EventFailures::isTransient).retry().withBackOff(FIRST_PAUSE, LONGEST_PAUSE)
                .expireIn(retryLimit.toMillis());
    }

    /** A record's topic as the outbox names it: without the broker-wide prefix (the tests' {@code test.}). */
    private String logical(String topic) {
        return topic != null && topic.startsWith(topicPrefix) ? topic.substring(topicPrefix.length()) : topic;
    }

    /** An event as it came off the broker: where from, and when it was written there. */
    private record Delivered(EventEnvelope envelope, String topic, String key, long timestamp) {
    }

    /** The records that are events; the others are logged and skipped rather than blocking the partition. */
    private static List<Delivered> delivered(String consumer, Iterable<ConsumerRecord<String, String>> records) {
        List<Delivered> delivered = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                delivered.add(new Delivered(EventCodec.read(record.value()), record.topic(), record.key(), record.timestamp()));
            } catch (EventCodec.MalformedEventException e) {
                Log.errorf("%s skipped a record that is not an event at %s-%d@%d: %s", consumer, record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        return delivered;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
