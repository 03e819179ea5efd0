package io.testtrack.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.correlation.CorrelationId;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <p>When a change fails ({@link EventFailures} tells how):
 * <ul>
 * <li>for a moment (the database unreachable, a deadlock): it is tried again with a growing pause,
 * from 200 ms to 30 s, for as long as it takes; the partition waits and nothing is skipped;</li>
 * <li>because of the event (its data breaks a constraint, it does not read): when several events
 * were applied together, each is applied alone, and the one whose change fails is parked
 * ({@link ParkedEvents}) so that the events behind it go on; a consumer that must never pass an
 * event by ({@link OnBadEvent#STOP}) stops instead;</li>
 * <li>otherwise (a bug, a missing table: every event may fail alike): the failure stops the
 * consumer's channel and readiness turns DOWN; after the fix, a restart applies what waited.</li>
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

    public EventConsumer(Inbox inbox, ParkedEvents parked) {
        this.inbox = inbox;
        this.parked = parked;
    }

    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record,
            Function<EventEnvelope, Uni<Void>> change) {
        EventEnvelope envelope;
        try {
            envelope = EventCodec.read(record.value());
        } catch (EventCodec.MalformedEventException e) {
            Log.errorf("%s skipped a record that is not an event at %s-%d@%d: %s", consumer, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        String correlationId = envelope.correlationid() != null ? envelope.correlationid() : header(record, CorrelationId.HEADER);
        if (correlationId != null) {
            MDC.put(CorrelationId.MDC_KEY, correlationId);
        }
        return applyOrPark(consumer, List.of(envelope), OnBadEvent.PARK, Vertx.currentContext(), one -> Panache.withTransaction(
                () -> inbox.once(consumer, envelope, () -> change.apply(envelope))).replaceWithVoid())
                .onFailure().invoke(failure -> stopped(consumer, failure));
    }

    /**
     * A poll's worth of records in one transaction: claimed in the inbox with one statement, then
     * each new event applied, in order, under its request id. Catching up on a backlog (a restart,
     * a bulk import upstream) then costs one commit and one claim per poll instead of per event.
     * Records that are not events are logged and skipped.
     */
    public Uni<Void> consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<EventEnvelope, Uni<Void>> change) {
        return consumeAll(consumer, records, OnBadEvent.PARK, change);
    }

    /** As {@link #consumeAll(String, Iterable, Function)}, choosing what becomes of a bad event. */
    public Uni<Void> consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records, OnBadEvent onBadEvent,
            Function<EventEnvelope, Uni<Void>> change) {
        return consumeNew(consumer, records, onBadEvent, fresh -> Multi.createFrom().iterable(fresh)
                .onItem().transformToUniAndConcatenate(envelope -> {
                    if (envelope.correlationid() != null) {
                        MDC.put(CorrelationId.MDC_KEY, envelope.correlationid());
                    }
                    return change.apply(envelope);
                })
                .collect().last().replaceWithVoid());
    }

    /**
     * As {@link #consumeAll}, but the events of the poll that this consumer had not applied yet
     * are handed to {@code change} together, in order, in the same transaction as their inbox
     * rows: for a consumer whose work is cheaper for many events at once. The log context has
     * their request id when they share one (a poll's events mostly come from one request).
     */
    public Uni<Void> consumeNew(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<List<EventEnvelope>, Uni<Void>> change) {
        return consumeNew(consumer, records, OnBadEvent.PARK, change);
    }

    private Uni<Void> consumeNew(String consumer, Iterable<ConsumerRecord<String, String>> records, OnBadEvent onBadEvent,
            Function<List<EventEnvelope>, Uni<Void>> change) {
        List<EventEnvelope> envelopes = envelopes(consumer, records);
        if (envelopes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return applyOrPark(consumer, envelopes, onBadEvent, Vertx.currentContext(), some -> Panache.withTransaction(
                () -> inbox.claimAll(consumer, some).chain(fresh -> {
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<String> requestIds = fresh.stream().map(EventEnvelope::correlationid).distinct().toList();
                    if (requestIds.size() == 1 && requestIds.get(0) != null) {
                        MDC.put(CorrelationId.MDC_KEY, requestIds.get(0));
                    }
                    return change.apply(fresh);
                }))
                .replaceWithVoid())
                .onFailure().invoke(failure -> stopped(consumer, failure));
    }

    private static void stopped(String consumer, Throwable failure) {
        Log.errorf(failure, "%s stops: a change failed and was neither retried nor parked; its channel stops and "
                + "readiness turns DOWN; after the fix, a restart applies the waiting events", consumer);
    }

    /**
     * Applies {@code events} together with {@code apply} (one transaction), retrying transient
     * failures. When one of them is a bad event, each is applied alone, and the one whose change
     * fails alone is parked (or stops the consumer, as {@code onBadEvent} says); any other failure
     * stops the consumer. Every try runs on {@code context}, the consumer's Vert.x context, where
     * the reactive session lives (a retry's pause ends on another thread).
     */
    private Uni<Void> applyOrPark(String consumer, List<EventEnvelope> events, OnBadEvent onBadEvent, Context context,
            Function<List<EventEnvelope>, Uni<Void>> apply) {
        return untilNotTransient(consumer, context, () -> apply.apply(events))
                .onFailure(failure -> onBadEvent == OnBadEvent.PARK && EventFailures.isBadEvent(failure))
                .recoverWithUni(failure -> {
                    if (events.size() > 1) {
                        Log.warnf("%s could not apply %d events together (%s); applying each alone", consumer, events.size(),
                                failure.toString());
                        return Multi.createFrom().iterable(events)
                                .onItem().transformToUniAndConcatenate(
                                        event -> applyOrPark(consumer, List.of(event), onBadEvent, context, apply))
                                .collect().last().replaceWithVoid();
                    }
                    return untilNotTransient(consumer, context,
                            () -> Panache.withTransaction(() -> parked.park(consumer, events.get(0), failure)));
                });
    }

    private static Uni<Void> untilNotTransient(String consumer, Context context, Supplier<Uni<Void>> attempt) {
        Uni<Void> tried = Uni.createFrom().deferred(() -> attempt.get());
        if (context != null) {
            tried = tried.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return tried
                .onFailure(EventFailures::isTransient).invoke(failure -> Log.warnf(
                        "%s will try again: the database failed for a moment (%s)", consumer, failure.toString()))
                .onFailure(EventFailures::isTransient).retry().withBackOff(FIRST_PAUSE, LONGEST_PAUSE).indefinitely();
    }

    /** The records that are events; the others are logged and skipped rather than blocking the partition. */
    private static List<EventEnvelope> envelopes(String consumer, Iterable<ConsumerRecord<String, String>> records) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                envelopes.add(EventCodec.read(record.value()));
            } catch (EventCodec.MalformedEventException e) {
                Log.errorf("%s skipped a record that is not an event at %s-%d@%d: %s", consumer, record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        return envelopes;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
