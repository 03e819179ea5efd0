package io.testtrack.platform.probe;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.correlation.CorrelationId;
import io.testtrack.platform.inbox.EventConsumer;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumers as a service writes them: their change goes through the inbox. One takes a record at
 * a time, the other a poll at a time, from the same topic. Two kinds of probe events fail on
 * purpose: in an aggregate named {@code poison-…}, the change of seq 1 always fails (after a first
 * write, which must roll back); in one named {@code flaky-…}, each change fails twice as a
 * serialization failure would, then goes through. Two more stall or break their transaction on
 * the first try, after a write: {@code hang-…} never completes (the transaction deadline must end
 * it), {@code kill-…} has its database session killed under it. In one named {@code never-…}, every
 * change fails as a serialization failure would, for good.
 */
@ApplicationScoped
public class ProbeConsumer {

    public static final String CONSUMER = "probe";
    public static final String BATCH_CONSUMER = "probe-batch";

    /** How often each event id reached this consumer, duplicates included. */
    public static final Map<String, Integer> DELIVERIES = new ConcurrentHashMap<>();

    /** The request id in the consumer's log context while it applied each event. */
    public static final Map<String, String> REQUEST_IDS = new ConcurrentHashMap<>();

    /** How often each consumer's change was tried for each event ("consumer/event id"), failures included. */
    public static final Map<String, Integer> TRIES = new ConcurrentHashMap<>();

    private final EventConsumer events;

    public ProbeConsumer(EventConsumer events) {
        this.events = events;
    }

    @Incoming("probe-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return events.applyOne(CONSUMER, record, envelope -> {
            String requestId = CorrelationId.current();
            if (requestId != null) {
                REQUEST_IDS.put(envelope.id(), requestId);
            }
            return apply(CONSUMER, "probe_applied", envelope);
        }).invoke(() -> DELIVERIES.merge(EventCodec.read(record.value()).id(), 1, Integer::sum));
    }

    @Incoming("probe-batch-in")
    public Uni<Void> consumeAll(ConsumerRecords<String, String> records) {
        return events.applyPoll(BATCH_CONSUMER, records, envelope -> apply(BATCH_CONSUMER, "probe_applied_batch", envelope));
    }

    /** The probe change of {@code consumer}, into {@code table}, failing as the class comment says. */
    public static Uni<Void> apply(String consumer, String table, EventEnvelope envelope) {
        ProbeRecorded probe = EventCodec.payload(envelope, ProbeRecorded.class);
        int tries = TRIES.merge(consumer + "/" + envelope.id(), 1, Integer::sum);
        if (probe.aggregate().startsWith("flaky-") && tries <= 2 || probe.aggregate().startsWith("never-")) {
            return Uni.createFrom().failure(new PgException("could not serialize access", "ERROR", "40001", null));
        }
        Uni<Void> applied = insert(table, envelope, probe);
        if (probe.aggregate().startsWith("hang-") && tries == 1) {
            return applied.chain(() -> Uni.createFrom().nothing());
        }
        if (probe.aggregate().startsWith("kill-") && tries == 1) {
            return applied.chain(() -> Panache.getSession())
                    .chain(session -> session.createNativeQuery("SELECT pg_terminate_backend(pg_backend_pid())").getSingleResult())
                    .replaceWithVoid();
        }
        if (probe.aggregate().startsWith("poison-") && probe.seq() == 1) {
            // the same row twice: a unique violation from PostgreSQL, after a write that must not stay
            applied = applied.chain(() -> insert(table, envelope, probe));
        }
        return applied;
    }

    private static Uni<Void> insert(String table, EventEnvelope envelope, ProbeRecorded probe) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO " + table + " (event_id, aggregate, seq) VALUES (:id, :aggregate, :seq)")
                        .setParameter("id", envelope.id())
                        .setParameter("aggregate", probe.aggregate())
                        .setParameter("seq", probe.seq())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
