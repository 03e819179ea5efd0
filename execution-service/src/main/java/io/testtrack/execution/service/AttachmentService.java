package io.testtrack.execution.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.execution.domain.Attachment;
import io.testtrack.platform.attachment.AttachmentRules;
import io.testtrack.platform.attachment.Downloads;
import io.testtrack.events.execution.ExecutionAttachmentAdded;
import io.testtrack.execution.domain.Execution;
import io.testtrack.execution.repository.ExecutionRepository;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.PayloadTooLargeException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.persistence.NativeStatements;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Screenshots and logs on an execution or one of its steps, kept in PostgreSQL; only project
 * members read them. Each upload is announced (ExecutionAttachmentAdded, without the content) in
 * its own transaction, so that defect-service links a failed step's attachments to its defect.
 */
@ApplicationScoped
public class AttachmentService {

    public record Content(Attachment attachment, byte[] bytes) {
    }

    private final ExecutionRepository executions;
    private final ProjectAccess access;
    private final Pool pool;
    private final Outbox outbox;
    private final long maxBytes;

    public AttachmentService(ExecutionRepository executions, ProjectAccess access, Pool pool, Outbox outbox,
            @ConfigProperty(name = "execution.attachments.max-bytes", defaultValue = "10485760") long maxBytes) {
        this.executions = executions;
        this.access = access;
        this.pool = pool;
        this.outbox = outbox;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Uni<Attachment> upload(Principal principal, UUID executionId, Integer stepIndex, String fileName, String contentType,
            byte[] content) {
        if (content.length > maxBytes) {
            return Uni.createFrom().failure(new PayloadTooLargeException("An attachment is at most " + maxBytes + " bytes."));
        }
        String type = AttachmentRules.normalize(contentType);
        AttachmentRules.check(type, content).ifPresent(problem -> {
            throw new InvalidFieldsException("file", problem);
        });
        return execution(principal, executionId, Permission.EXECUTE).chain(e -> {
            if (stepIndex != null && (stepIndex < 1 || stepIndex > e.steps.size())) {
                throw new InvalidFieldsException("stepIndex", "must be from 1 to " + e.steps.size());
            }
            Attachment attachment = new Attachment(UUID.randomUUID(), e.id, stepIndex, AttachmentRules.fileName(fileName), type,
                    content.length, Downloads.sha256(content), principal.actorId(), Instant.now());
            Map<String, Object> row = new HashMap<>();
            row.put("id", attachment.id());
            row.put("execution", e.id);
            row.put("step", stepIndex);
            row.put("name", attachment.fileName());
            row.put("type", type);
            row.put("size", (long) content.length);
            row.put("sha", attachment.sha256());
            row.put("content", content);
            row.put("by", attachment.uploadedBy());
            row.put("at", OffsetDateTime.ofInstant(attachment.uploadedAt(), ZoneOffset.UTC));
            return Panache.withTransaction(() -> NativeStatements.execute("INSERT INTO attachments (id, execution_id, step_index, "
                            + "file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at) VALUES (:id, :execution, "
                            + "CAST(:step AS integer), :name, :type, :size, :sha, :content, :by, :at)", row)
                    .chain(() -> outbox.record(new ExecutionAttachmentAdded(attachment.id(), e.id, e.runId, e.projectId, stepIndex,
                            attachment.fileName(), type, content.length, attachment.uploadedBy()))))
                    .replaceWith(attachment);
        });
    }

    public Uni<List<Attachment>> list(Principal principal, UUID executionId) {
        return execution(principal, executionId, Permission.READ).chain(e -> pool.preparedQuery("SELECT id, execution_id, step_index, "
                        + "file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM attachments WHERE execution_id = $1 "
                        + "ORDER BY uploaded_at, id")
                .execute(Tuple.of(e.id))
                .map(rows -> {
                    List<Attachment> list = new ArrayList<>();
                    rows.forEach(row -> list.add(attachment(row)));
                    return list;
                }));
    }

    public Uni<Content> download(Principal principal, UUID executionId, UUID attachmentId) {
        return execution(principal, executionId, Permission.READ).chain(e -> pool.preparedQuery("SELECT id, execution_id, step_index, "
                        + "file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, content FROM attachments "
                        + "WHERE id = $1 AND execution_id = $2")
                .execute(Tuple.of(attachmentId, e.id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ResourceNotFoundException("No such attachment.");
                    }
                    Row row = rows.iterator().next();
                    return new Content(attachment(row), row.getBuffer("content").getBytes());
                }));
    }

    private Uni<Execution> execution(Principal principal, UUID id, Permission permission) {
        return Panache.withSession(() -> executions.findById(id))
                .chain(e -> access.requireOn(principal, e, x -> x.projectId, permission, "No such execution."));
    }

    private static Attachment attachment(Row row) {
        return new Attachment(row.getUUID("id"), row.getUUID("execution_id"), row.getInteger("step_index"), row.getString("file_name"),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"), row.getUUID("uploaded_by"),
                row.getOffsetDateTime("uploaded_at").toInstant());
    }
}
