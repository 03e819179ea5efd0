package io.testtrack.notification.events;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventEnvelope;
import io.testtrack.notification.service.ActivityService;
import io.testtrack.notification.service.LiveBus;
import io.testtrack.notification.service.LiveBus.Delivery;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event of the execution, test case and defect topics, once per cluster (one consumer
 * group for every instance), through the inbox: projections, notifications, mails and webhook
 * deliveries are written in the inbox's transaction, and what sockets should hear is published on
 * the live bus after the commit, so a redelivered event is neither stored nor shown twice.
 *
 * <p>A channel per topic, so that a burst on one (a CSV import of 10,000 cases) does not hold up
 * another's live updates (a run's step results); and a poll at a time, one transaction each, so
 * a burst is worked off in few commits.
 */
@ApplicationScoped
public class ActivityConsumer {

    public static final String EXECUTION = "execution-activity";
    public static final String TESTCASE = "testcase-activity";
    public static final String DEFECT = "defect-activity";
    private static final String CONSUMER = "notification-activity";

    private final EventConsumer events;
    private final ActivityService activity;
    private final LiveBus bus;

    public ActivityConsumer(EventConsumer events, ActivityService activity, LiveBus bus) {
        this.events = events;
        this.activity = activity;
        this.bus = bus;
    }

    @Incoming(EXECUTION)
    public Uni<Void> onExecutionEvents(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming(TESTCASE)
    public Uni<Void> onTestCaseEvents(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming(DEFECT)
    public Uni<Void> onDefectEvents(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    private Uni<Void> consume(ConsumerRecords<String, String> records) {
        long received = System.currentTimeMillis();
        // by event: an attempt that is rolled back and tried again (alone, say) replaces its messages
        Map<String, List<Delivery>> outgoing = new LinkedHashMap<>();
        return events.applyNewTogether(CONSUMER, records, fresh -> {
            fresh.forEach(envelope -> outgoing.remove(envelope.id()));
            return Multi.createFrom().iterable(fresh)
                    .onItem().transformToUniAndConcatenate((EventEnvelope envelope) -> activity.apply(envelope)
                            .invoke(deliveries -> outgoing.put(envelope.id(), deliveries)))
                    .collect().last().replaceWithVoid();
        }).chain(() -> {
            long applied = System.currentTimeMillis();
            List<Delivery> all = new ArrayList<>();
            outgoing.values().forEach(all::addAll);
            return bus.deliverAll(all).invoke(() -> timings(records, received, applied));
        });
    }

    /** Where a batch's time went, for finding a slow stage of the live path (DEBUG). */
    private static void timings(ConsumerRecords<String, String> records, long received, long applied) {
        if (Log.isDebugEnabled()) {
            long oldest = Long.MAX_VALUE;
            for (ConsumerRecord<String, String> record : records) {
                oldest = Math.min(oldest, record.timestamp());
            }
            Log.debugf("activity batch of %d: oldest written %d ms before it reached the consumer, applied in %d ms, published in %d ms",
                    records.count(), received - oldest, applied - received, System.currentTimeMillis() - applied);
        }
    }
}
