package io.testtrack.testcase.events;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.platform.inbox.EventConsumer;
import io.testtrack.testcase.service.AutomatedCases;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Creates a READY automated case for each test a CI import reported that no case knew, once. */
@ApplicationScoped
public class AutomatedTestConsumer {

    public static final String CHANNEL = "execution-events";
    private static final String CONSUMER = "automated-test-discovery";

    private final EventConsumer events;
    private final AutomatedCases cases;

    public AutomatedTestConsumer(EventConsumer events, AutomatedCases cases) {
        this.events = events;
        this.cases = cases;
    }

    /** A poll at a time, in one transaction (most records of the topic are about runs and need nothing here). */
    @Incoming(CHANNEL)
    public Uni<Void> onExecutionEvents(ConsumerRecords<String, String> records) {
        return events.consumeAll(CONSUMER, records, this::apply);
    }

    private Uni<Void> apply(EventEnvelope envelope) {
        if (EventCodec.payload(envelope).orElse(null) instanceof AutomatedTestDiscovered discovered) {
            Log.debugf("automated test %s discovered in project %s", discovered.automationKey(), discovered.projectId());
            return cases.discovered(discovered);
        }
        return Uni.createFrom().voidItem();
    }
}
