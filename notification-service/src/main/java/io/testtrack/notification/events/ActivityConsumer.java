package io.testtrack.notification.events;

import io.smallrye.mutiny.Uni;
import io.testtrack.notification.service.ActivityService;
import io.testtrack.notification.service.LiveBus;
import io.testtrack.notification.service.LiveBus.Delivery;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event of the execution, test case and defect topics, once per cluster (one consumer
 * group for every instance), through the inbox: projections and notifications are written in the
 * inbox's transaction, and what sockets should hear is published on the live bus after the
 * commit, so a redelivered event is neither stored nor shown twice.
 */
@ApplicationScoped
public class ActivityConsumer {

    public static final String CHANNEL = "activity-events";
    private static final String CONSUMER = "notification-activity";

    private final EventConsumer events;
    private final ActivityService activity;
    private final LiveBus bus;

    public ActivityConsumer(EventConsumer events, ActivityService activity, LiveBus bus) {
        this.events = events;
        this.activity = activity;
        this.bus = bus;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        List<Delivery> outgoing = new ArrayList<>();
        return events.consume(CONSUMER, record, envelope -> activity.apply(envelope).invoke(deliveries -> {
            // a retried transaction starts over
            outgoing.clear();
            outgoing.addAll(deliveries);
        }).replaceWithVoid()).chain(() -> bus.deliverAll(outgoing));
    }
}
