package io.testtrack.notification.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.MemberRemoved;
import io.testtrack.events.access.MemberRoleChanged;
import io.testtrack.events.access.ProjectArchived;
import io.testtrack.events.access.UserDeactivated;
import io.testtrack.notification.domain.Activity;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.service.LiveBus;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The access events as they concern open sockets (the membership projection, a consumer of its
 * own, keeps who may subscribe): a member removed loses the project's channels at once on every
 * instance, a deactivated user's sockets close, and a project's members see who joined or left.
 */
@ApplicationScoped
public class AccessConsumer {

    public static final String CHANNEL = "access-live";
    private static final String CONSUMER = "notification-access-live";

    private final EventConsumer events;
    private final LiveBus bus;

    public AccessConsumer(EventConsumer events, LiveBus bus) {
        this.events = events;
        this.bus = bus;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        List<EventEnvelope> applied = new ArrayList<>();
        return events.applyOne(CONSUMER, record, envelope -> {
            applied.clear();
            applied.add(envelope);
            return Uni.createFrom().voidItem();
        }).chain(() -> applied.isEmpty() ? Uni.createFrom().voidItem() : live(applied.get(0)));
    }

    private Uni<Void> live(EventEnvelope envelope) {
        DomainEvent event = EventCodec.payload(envelope).orElse(null);
        Uni<Void> effect = Uni.createFrom().voidItem();
        if (event instanceof MemberRemoved removed) {
            effect = bus.revoke(removed.projectId(), removed.userId());
        } else if (event instanceof UserDeactivated deactivated) {
            effect = bus.deactivate(deactivated.userId());
        }
        if (event instanceof MemberAdded || event instanceof MemberRemoved || event instanceof MemberRoleChanged
                || event instanceof ProjectArchived) {
            ObjectNode summary = Activity.summary(envelope);
            for (Channel channel : Activity.channels(envelope.data())) {
                effect = effect.chain(() -> bus.deliver(channel, Activity.eventMessage(channel, summary)));
            }
        }
        return effect;
    }
}
