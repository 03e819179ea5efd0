package io.testtrack.execution.events;

import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.defect.DefectRetestRequested;
import io.testtrack.execution.service.RunService;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** defect-service's requests for the re-test of a fix: each becomes a run of one execution, once (inbox). */
@ApplicationScoped
public class DefectEventsConsumer {

    private static final String CONSUMER = "defect-retests";

    private final EventConsumer events;
    private final RunService runs;

    public DefectEventsConsumer(EventConsumer events, RunService runs) {
        this.events = events;
        this.runs = runs;
    }

    @Incoming("defect-events")
    public Uni<Void> onDefectEvents(ConsumerRecords<String, String> records) {
        return events.applyPoll(CONSUMER, records, this::apply);
    }

    private Uni<Void> apply(EventEnvelope envelope) {
        return EventCodec.payload(envelope)
                .filter(DefectRetestRequested.class::isInstance)
                .map(event -> runs.retest((DefectRetestRequested) event))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }
}
