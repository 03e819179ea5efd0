package io.testtrack.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.testtrack.auth.domain.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {
}
