package io.testtrack.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** One delivery of an event to a webhook: its attempts and how the last one went. */
public record WebhookDelivery(UUID id, String eventId, String eventType, String status, int attempts, Integer lastStatusCode,
        String lastError, Integer latencyMs, Instant createdAt, Instant completedAt, Instant nextAttemptAt, UUID redeliveryOf) {
}
