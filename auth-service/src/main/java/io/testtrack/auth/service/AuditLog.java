package io.testtrack.auth.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.AuditAction;
import io.testtrack.auth.domain.AuditEntry;
import io.testtrack.auth.repository.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Appends to the audit log inside the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    private final AuditRepository entries;

    public AuditLog(AuditRepository entries) {
        this.entries = entries;
    }

    public Uni<Void> record(Caller caller, AuditAction action, String targetType, Object targetId, String details) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actorId = caller.userId();
        entry.actorEmail = caller.email();
        entry.ip = caller.ip();
        entry.action = action.name();
        entry.targetType = targetType;
        entry.targetId = targetId == null ? null : targetId.toString();
        entry.details = details;
        return entries.persist(entry).replaceWithVoid();
    }
}
