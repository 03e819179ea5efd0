package io.testtrack.defect.domain;

import java.time.Instant;
import java.util.UUID;

/** A file attached to a defect, as listed. */
public record Attachment(UUID id, UUID defectId, String fileName, String contentType, long size, String sha256, UUID uploadedBy,
        Instant uploadedAt) {
}
