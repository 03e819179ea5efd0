package io.testtrack.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An outgoing webhook of a project: where it posts, which events, and whether it is still on. */
public record Webhook(UUID id, UUID projectId, String url, List<String> eventTypes, boolean active, String disabledReason,
        Instant createdAt, String secret) {
}
