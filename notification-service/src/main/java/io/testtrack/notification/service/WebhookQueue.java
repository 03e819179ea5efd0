package io.testtrack.notification.service;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventEnvelope;
import io.testtrack.notification.domain.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * One delivery row per active webhook of the event's project that wants the event's type, in
 * the consumer's transaction: what was consumed is what will be delivered, restart or not.
 */
@ApplicationScoped
public class WebhookQueue {

    private final ObjectMapper mapper;

    public WebhookQueue(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> enqueue(EventEnvelope envelope, UUID projectId) {
        String type = Activity.shortType(envelope.type());
        ObjectNode payload = mapper.createObjectNode().put("id", envelope.id()).put("type", type)
                .put("time", envelope.time() == null ? null : envelope.time().toString()).put("version", envelope.dataversion())
                .put("projectId", projectId.toString());
        payload.set("data", envelope.data());
        return execute("INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, payload, status) "
                + "SELECT gen_random_uuid(), w.id, :event, :type, :payload, 'PENDING' FROM webhooks w "
                + "WHERE w.project_id = :project AND w.active AND (cardinality(w.event_types) = 0 OR :type = ANY(w.event_types)) "
                + "ON CONFLICT (webhook_id, event_id) WHERE redelivery_of IS NULL DO NOTHING",
                Map.of("event", envelope.id(), "type", type, "payload", payload.toString(), "project", projectId));
    }
}
