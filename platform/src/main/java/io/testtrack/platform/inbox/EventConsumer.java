package io.testtrack.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.correlation.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

/**
 * What every {@code @Incoming} method does with a record: read the CloudEvent, put its request id
 * back into the log context, and apply the consumer's change once, in one transaction with the
 * inbox row. A record that is not an event is logged and skipped rather than blocking the partition.
 */
@ApplicationScoped
public class EventConsumer {

    private final Inbox inbox;

    public EventConsumer(Inbox inbox) {
        this.inbox = inbox;
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
        return Panache.withTransaction(() -> inbox.once(consumer, envelope, () -> change.apply(envelope)))
                .replaceWithVoid();
    }

    /**
     * A poll's worth of records in one transaction: claimed in the inbox with one statement, then
     * each new event applied, in order, under its request id. Catching up on a backlog (a restart,
     * a bulk import upstream) then costs one commit and one claim per poll instead of per event.
     * Records that are not events are logged and skipped.
     */
    public Uni<Void> consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<EventEnvelope, Uni<Void>> change) {
        return consumeNew(consumer, records, fresh -> Multi.createFrom().iterable(fresh)
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
        List<EventEnvelope> envelopes = envelopes(consumer, records);
        if (envelopes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> inbox.claimAll(consumer, envelopes).chain(fresh -> {
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<String> requestIds = fresh.stream().map(EventEnvelope::correlationid).distinct().toList();
                    if (requestIds.size() == 1 && requestIds.get(0) != null) {
                        MDC.put(CorrelationId.MDC_KEY, requestIds.get(0));
                    }
                    return change.apply(fresh);
                }))
                .replaceWithVoid();
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
