package io.testtrack.platform.probe;

import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer with a bug: its change throws for the aggregates a test names, as code that fails
 * every event alike would. Such a failure is neither retried nor parked; it stops the channel.
 */
@ApplicationScoped
public class ProbeStopConsumer {

    /** Aggregates whose next event this consumer fails on (filled by the test that wants the channel stopped). */
    public static final Set<String> BROKEN_FOR = ConcurrentHashMap.newKeySet();

    private final EventConsumer events;

    public ProbeStopConsumer(EventConsumer events) {
        this.events = events;
    }

    @Incoming("probe-stop-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return events.applyOne("probe-stop", record, envelope -> {
            // once: a later application that reads the event again (it was never acknowledged) applies it
            if (BROKEN_FOR.remove(EventCodec.payload(envelope, ProbeRecorded.class).aggregate())) {
                return Uni.createFrom().failure(new IllegalStateException("a bug in the consumer"));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
