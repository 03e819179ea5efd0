package io.testtrack.platform.probe;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.platform.correlation.CorrelationId;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer as a service writes one: its change goes through the inbox. */
@ApplicationScoped
public class ProbeConsumer {

    /** How often each event id reached this consumer, duplicates included. */
    public static final Map<String, Integer> DELIVERIES = new ConcurrentHashMap<>();

    /** The request id in the consumer's log context while it applied each event. */
    public static final Map<String, String> REQUEST_IDS = new ConcurrentHashMap<>();

    private final EventConsumer events;

    public ProbeConsumer(EventConsumer events) {
        this.events = events;
    }

    @Incoming("probe-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return events.consume("probe", record, envelope -> {
            ProbeRecorded probe = EventCodec.payload(envelope, ProbeRecorded.class);
            String requestId = CorrelationId.current();
            if (requestId != null) {
                REQUEST_IDS.put(envelope.id(), requestId);
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                                    "INSERT INTO probe_applied (event_id, aggregate, seq) VALUES (:id, :aggregate, :seq)")
                            .setParameter("id", envelope.id())
                            .setParameter("aggregate", probe.aggregate())
                            .setParameter("seq", probe.seq())
                            .executeUpdate())
                    .replaceWithVoid();
        }).invoke(() -> DELIVERIES.merge(EventCodec.read(record.value()).id(), 1, Integer::sum));
    }
}
