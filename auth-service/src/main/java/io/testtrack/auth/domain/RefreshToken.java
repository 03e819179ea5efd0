package io.testtrack.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a login session (its family). Using it rotates it: the token is marked
 * rotated and a new one joins the family. Presenting a rotated token again means it was stolen
 * or replayed, and the whole family is revoked, unless it comes back within a few seconds from
 * the same browser (same user agent and address): that is a page reloaded while its renewal was
 * in flight, whose answer (the new cookie) the browser never kept.
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

    public static RefreshToken startFamily(String tokenHash, UUID userId, Instant now, Duration lifetime,
            String userAgent, String ip) {
        return create(tokenHash, UUID.randomUUID(), userId, now, now.plus(lifetime), userAgent, ip);
    }

    /** The token's successor; a token rotated again within the grace keeps its first rotation time. */
    public RefreshToken rotate(String newTokenHash, Instant now, String userAgent, String ip) {
        if (rotatedAt == null) {
            rotatedAt = now;
        }
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
        token.userAgent = clipped(userAgent);
        token.ip = ip;
        return token;
    }

    private static String clipped(String userAgent) {
        return userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300));
    }

    /**
     * What presenting this token at {@code now} from {@code userAgent} at {@code ip} means. A
     * rotated token is a replay, except within {@code reuseGrace} of its rotation from the browser
     * that rotated it.
     */
    public Use classify(Instant now, Duration reuseGrace, String userAgent, String ip) {
        if (revokedAt != null) {
            return Use.REVOKED;
        }
        if (!now.isBefore(familyExpiresAt)) {
            return Use.EXPIRED;
        }
        if (rotatedAt == null) {
            return Use.VALID;
        }
        boolean sameBrowser = this.userAgent != null && this.userAgent.equals(clipped(userAgent))
                && this.ip != null && this.ip.equals(ip);
        return sameBrowser && now.isBefore(rotatedAt.plus(reuseGrace)) ? Use.VALID : Use.REUSED;
    }

    public enum Use {
        VALID, REUSED, REVOKED, EXPIRED
    }
}
