package io.testtrack.defect.domain;

import java.util.UUID;

/**
 * An attachment of the failed step a defect was filed from: a reference to execution-service's,
 * which keeps the content and serves it to the project's members at {@code url} (through the
 * gateway), not a copy.
 */
public record StepAttachment(UUID id, String fileName, String contentType, long size, String url) {

    public static StepAttachment of(UUID executionId, UUID id, String fileName, String contentType, long size) {
        return new StepAttachment(id, fileName, contentType, size, "/api/executions/" + executionId + "/attachments/" + id);
    }
}
