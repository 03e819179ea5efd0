package io.testtrack.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One event waiting in the outbox table, as written inside the service's own transaction. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "message_key", nullable = false, updatable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "correlation_id", updatable = false)
    public String correlationId;

    protected OutboxMessage() {
    }

    OutboxMessage(UUID eventId, String topic, String messageKey, String eventType, String payload, String correlationId) {
        this.eventId = eventId;
        this.topic = topic;
        this.messageKey = messageKey;
        this.eventType = eventType;
        this.payload = payload;
        this.correlationId = correlationId;
    }
}
