package io.testtrack.defect.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.Attachment;
import io.testtrack.platform.attachment.AttachmentRules;
import io.testtrack.platform.attachment.Downloads;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.PayloadTooLargeException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Screenshots and logs on a defect, kept in PostgreSQL under the platform's attachment rules; only project members read them. */
@ApplicationScoped
public class AttachmentService {

    public record Content(Attachment attachment, byte[] bytes) {
    }

    private static final String COLUMNS = "id, defect_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final DefectAccess defectAccess;
    private final Pool pool;
    private final long maxBytes;

    public AttachmentService(DefectAccess defectAccess, Pool pool,
            @ConfigProperty(name = "defect.attachments.max-bytes", defaultValue = "10485760") long maxBytes) {
        this.defectAccess = defectAccess;
        this.pool = pool;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Uni<Attachment> upload(Principal principal, UUID defectId, String fileName, String contentType, byte[] content) {
        if (content.length > maxBytes) {
            return Uni.createFrom().failure(new PayloadTooLargeException("An attachment is at most " + maxBytes + " bytes."));
        }
        String type = AttachmentRules.normalize(contentType);
        AttachmentRules.check(type, content).ifPresent(problem -> {
            throw new InvalidFieldsException("file", problem);
        });
        return defect(principal, defectId, Permission.REPORT_DEFECTS).chain(id -> {
            Attachment a = new Attachment(UUID.randomUUID(), id, AttachmentRules.fileName(fileName), type, content.length,
                    Downloads.sha256(content), principal.actorId(), Instant.now());
            return pool.preparedQuery("INSERT INTO defect_attachments (" + COLUMNS + ", content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                    .execute(Tuple.tuple().addUUID(a.id()).addUUID(id).addString(a.fileName()).addString(type).addLong(a.size())
                            .addString(a.sha256()).addUUID(a.uploadedBy())
                            .addOffsetDateTime(OffsetDateTime.ofInstant(a.uploadedAt(), ZoneOffset.UTC)).addBuffer(Buffer.buffer(content)))
                    .replaceWith(a);
        });
    }

    public Uni<List<Attachment>> list(Principal principal, UUID defectId) {
        return defect(principal, defectId, Permission.READ).chain(id -> pool.preparedQuery("SELECT " + COLUMNS
                        + " FROM defect_attachments WHERE defect_id = $1 ORDER BY uploaded_at, id")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<Attachment> list = new ArrayList<>();
                    rows.forEach(row -> list.add(attachment(row)));
                    return list;
                }));
    }

    public Uni<Content> download(Principal principal, UUID defectId, UUID attachmentId) {
        return defect(principal, defectId, Permission.READ).chain(id -> pool.preparedQuery("SELECT " + COLUMNS
                        + ", content FROM defect_attachments WHERE id = $1 AND defect_id = $2")
                .execute(Tuple.of(attachmentId, id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ResourceNotFoundException("No such attachment.");
                    }
                    Row row = rows.iterator().next();
                    return new Content(attachment(row), row.getBuffer("content").getBytes());
                }));
    }

    private Uni<UUID> defect(Principal principal, UUID id, Permission permission) {
        return Panache.withSession(() -> defectAccess.find(principal, id, permission, false)).map(found -> found.defect().id);
    }

    private static Attachment attachment(Row row) {
        return new Attachment(row.getUUID("id"), row.getUUID("defect_id"), row.getString("file_name"), row.getString("content_type"),
                row.getLong("size_bytes"), row.getString("sha256"), row.getUUID("uploaded_by"), row.getOffsetDateTime("uploaded_at").toInstant());
    }
}
