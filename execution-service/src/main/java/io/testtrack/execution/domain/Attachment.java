package io.testtrack.execution.domain;

import java.time.Instant;
import java.util.UUID;

/** A file attached to an execution or one of its steps, as listed. */
public record Attachment(UUID id, UUID executionId, Integer stepIndex, String fileName, String contentType, long size, String sha256,
        UUID uploadedBy, Instant uploadedAt) {
}
