package io.testtrack.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a login session (its family). Using it rotates it: the token is marked
 * rotated and a new one joins the family. Presenting a rotated token again means it was stolen
 * or replayed, and the whole family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public String tokenHash;

    @Column(name = "family_id", nullable = false, updatable = false)
    public UUID familyId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    /** The session's absolute end, fixed at login and kept by every rotation. */
    @Column(name = "family_expires_at", nullable = false, updatable = false)
    public Instant familyExpiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "user_agent")
    public String userAgent;

    public String ip;

    public static RefreshToken startFamily(String tokenHash, UUID userId, Instant now, java.time.Duration lifetime,
            String userAgent, String ip) {
        return create(tokenHash, UUID.randomUUID(), userId, now, now.plus(lifetime), userAgent, ip);
    }

    public RefreshToken rotate(String newTokenHash, Instant now, String userAgent, String ip) {
        rotatedAt = now;
        return create(newTokenHash, familyId, userId, now, familyExpiresAt, userAgent, ip);
    }

    private static RefreshToken create(String tokenHash, UUID familyId, UUID userId, Instant now, Instant familyExpiresAt,
            String userAgent, String ip) {
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.tokenHash = tokenHash;
        token.familyId = familyId;
        token.userId = userId;
        token.createdAt = now;
        token.familyExpiresAt = familyExpiresAt;
        token.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300));
        token.ip = ip;
        return token;
    }

    /** What presenting this token at {@code now} means. */
    public Use classify(Instant now) {
        if (revokedAt != null) {
            return Use.REVOKED;
        }
        if (rotatedAt != null) {
            return Use.REUSED;
        }
        if (!now.isBefore(familyExpiresAt)) {
            return Use.EXPIRED;
        }
        return Use.VALID;
    }

    public enum Use {
        VALID, REUSED, REVOKED, EXPIRED
    }
}
