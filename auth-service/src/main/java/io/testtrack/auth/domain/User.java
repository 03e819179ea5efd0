package io.testtrack.auth.domain;

import io.testtrack.events.GlobalRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person who signs in. The e-mail is unique regardless of case. */
@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    /** Null for an invited user who has not chosen a password yet. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "global_role", nullable = false)
    public GlobalRole globalRole;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Raised whenever every access token issued so far must stop (SessionService.endAll). */
    @Column(name = "session_generation", nullable = false)
    public long sessionGeneration;

    @Version
    public long version;

    public static User create(String email, String name, GlobalRole role, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = email.trim();
        user.name = name.trim();
        user.globalRole = role;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /** Whether the user may sign in at all (credentials are checked separately). */
    public boolean canSignIn() {
        return active && emailVerified && passwordHash != null;
    }
}
