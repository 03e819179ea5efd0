package io.testtrack.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use secret mailed to a user: e-mail verification, password reset or invitation. */
@Entity
@Table(name = "one_time_tokens")
public class OneTimeToken {

    public enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD, INVITATION
    }

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static OneTimeToken issue(String tokenHash, UUID userId, Purpose purpose, Instant now, java.time.Duration lifetime) {
        OneTimeToken token = new OneTimeToken();
        token.tokenHash = tokenHash;
        token.userId = userId;
        token.purpose = purpose;
        token.createdAt = now;
        token.expiresAt = now.plus(lifetime);
        return token;
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
