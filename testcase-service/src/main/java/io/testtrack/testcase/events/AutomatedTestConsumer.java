package io.testtrack.testcase.events;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.platform.inbox.EventConsumer;
import io.testtrack.testcase.service.AutomatedCases;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A poll at a time, in one transaction (most records of the topic are about runs and need
     * nothing here): the tests discovered by the poll's new events become cases together, so a CI
     * import that found 10,000 unknown tests costs a few statements per poll, not per test.
     */
    @Incoming(CHANNEL)
    public Uni<Void> onExecutionEvents(ConsumerRecords<String, String> records) {
        return events.applyNewTogether(CONSUMER, records, envelopes -> {
            List<AutomatedTestDiscovered> discovered = new ArrayList<>();
            for (EventEnvelope envelope : envelopes) {
                if (EventCodec.payload(envelope).orElse(null) instanceof AutomatedTestDiscovered test) {
                    Log.debugf("automated test %s discovered in project %s", test.automationKey(), test.projectId());
                    discovered.add(test);
                }
            }
            return cases.discovered(discovered);
        });
    }
}
