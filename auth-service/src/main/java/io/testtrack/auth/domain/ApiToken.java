package io.testtrack.auth.domain;

import io.testtrack.events.ProjectRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A project's credential for CI: its secret ({@code tt_…}) is shown once and stored hashed. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    public static final String PREFIX = "tt_";
    public static final Set<ProjectRole> ALLOWED_ROLES = Set.of(ProjectRole.VIEWER, ProjectRole.TESTER);

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectRole role;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public String tokenHash;

    /** The first characters of the secret, so people can tell their tokens apart. */
    @Column(name = "token_prefix", nullable = false, updatable = false)
    public String tokenPrefix;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static ApiToken create(UUID projectId, String name, ProjectRole role, String secret, Instant expiresAt,
            UUID createdBy, Instant now) {
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.projectId = projectId;
        token.name = name.trim();
        token.role = role;
        token.tokenHash = Secrets.hash(secret);
        token.tokenPrefix = secret.substring(0, PREFIX.length() + 6);
        token.expiresAt = expiresAt;
        token.createdBy = createdBy;
        token.createdAt = now;
        return token;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
