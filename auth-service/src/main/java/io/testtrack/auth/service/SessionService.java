package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import io.testtrack.auth.domain.AuditAction;
import io.testtrack.auth.domain.RefreshToken;
import io.testtrack.auth.domain.Secrets;
import io.testtrack.auth.domain.User;
import io.testtrack.auth.repository.RefreshTokenRepository;
import io.testtrack.auth.repository.UserRepository;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.AuthenticationRequiredException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

/** Login sessions: login, refresh with rotation and reuse detection, logout, logout everywhere. */
@ApplicationScoped
public class SessionService {

    private static final String BAD_CREDENTIALS = "Wrong e-mail or password.";
    private static final String BAD_SESSION = "The session has ended; sign in again.";

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final SessionRevocations revocations;
    private final AuditLog audit;
    private final AuthConfig config;

    public SessionService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
            LoginThrottle throttle, AccessTokens accessTokens, SessionRevocations revocations, AuditLog audit,
            AuthConfig config) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.audit = audit;
        this.config = config;
    }

    /** What a successful login or refresh hands the client. */
    public record Session(User user, AccessTokens.Issued access, String refreshToken) {
    }

    public Uni<Session> login(String email, String password, Caller caller) {
        return throttle.checkAllowed(email, caller.ip())
                .chain(() -> Panache.withSession(() -> users.findByEmail(email)))
                .chain(user -> hasher.matches(password, user == null ? null : user.passwordHash)
                        .chain(matches -> matches ? upgradeHash(user, password).chain(() -> admit(user, caller))
                                : refuse(email, user, caller)));
    }

    /** Re-hashes a bcrypt password with Argon2id now that the plain password is at hand. */
    private Uni<Void> upgradeHash(User user, String password) {
        if (!hasher.outdated(user.passwordHash)) {
            return Uni.createFrom().voidItem();
        }
        return hasher.hash(password).chain(hash -> Panache.withTransaction(() -> users.update(
                "passwordHash = ?1 where id = ?2 and passwordHash = ?3", hash, user.id, user.passwordHash)))
                .replaceWithVoid();
    }

    private Uni<Session> refuse(String email, User user, Caller caller) {
        return throttle.recordFailure(email, caller.ip())
                .chain(() -> Panache.withTransaction(() -> audit.record(
                        user == null ? caller : caller.as(user.id, user.email), AuditAction.LOGIN_FAILED, "user",
                        user == null ? null : user.id, user == null ? "unknown e-mail" : "wrong password")))
                .chain(() -> Uni.createFrom().failure(new AuthenticationRequiredException(BAD_CREDENTIALS)));
    }

    private Uni<Session> admit(User user, Caller caller) {
        if (!user.active) {
            return Uni.createFrom().failure(new AccessDeniedException("This account is deactivated."));
        }
        if (!user.emailVerified) {
            return Uni.createFrom().failure(new AccessDeniedException(
                    "Confirm your e-mail address first: follow the link we mailed you."));
        }
        String secret = Secrets.generate("");
        RefreshToken token = RefreshToken.startFamily(Secrets.hash(secret), user.id, Instant.now(),
                config.refreshTokenLifetime(), caller.userAgent(), caller.ip());
        return throttle.recordSuccess(user.email)
                .chain(() -> Panache.withTransaction(() -> refreshTokens.persist(token)
                        .chain(() -> audit.record(caller.as(user.id, user.email), AuditAction.LOGIN_SUCCEEDED, "user", user.id,
                                null))))
                .replaceWith(() -> new Session(user, accessTokens.issue(user), secret));
    }

    /**
     * Rotates a refresh token. A token that was already rotated is a replay (outside the short
     * grace {@link RefreshToken#classify} allows the browser that rotated it): the whole family is
     * revoked (committed) before the 401.
     */
    public Uni<Session> refresh(String secret, Caller caller) {
        if (secret == null || secret.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationRequiredException(BAD_SESSION));
        }
        String next = Secrets.generate("");
        Instant now = Instant.now();
        return Panache.withTransaction(() -> refreshTokens.find("tokenHash", Secrets.hash(secret))
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                        .chain(token -> {
                            if (token == null) {
                                return Uni.createFrom().<Session>nullItem();
                            }
                            return switch (token.classify(now, config.refreshReuseGrace(), caller.userAgent(), caller.ip())) {
                                case VALID -> rotate(token, next, now, caller);
                                case REUSED -> refreshTokens.revokeFamily(token.familyId, now)
                                        .chain(() -> audit.record(caller.as(token.userId, null),
                                                AuditAction.REFRESH_TOKEN_REUSED, "session", token.familyId, null))
                                        .replaceWith((Session) null);
                                case REVOKED, EXPIRED -> Uni.createFrom().<Session>nullItem();
                            };
                        }))
                .onItem().ifNull().failWith(() -> new AuthenticationRequiredException(BAD_SESSION));
    }

    private Uni<Session> rotate(RefreshToken token, String next, Instant now, Caller caller) {
        return users.findById(token.userId).chain(user -> {
            if (user == null || !user.active) {
                return refreshTokens.revokeFamily(token.familyId, now).replaceWith((Session) null);
            }
            RefreshToken rotated = token.rotate(Secrets.hash(next), now, caller.userAgent(), caller.ip());
            return refreshTokens.persist(rotated).replaceWith(() -> new Session(user, accessTokens.issue(user), next));
        });
    }

    /** Ends the session the refresh token belongs to; unknown tokens end nothing and are not an error. */
    public Uni<Void> logout(String secret, Caller caller) {
        if (secret == null || secret.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> refreshTokens.findByHash(Secrets.hash(secret)).chain(token -> token == null
                ? Uni.createFrom().voidItem()
                : refreshTokens.revokeFamily(token.familyId, now)
                        .chain(() -> audit.record(caller.as(token.userId, caller.email()), AuditAction.LOGOUT, "session",
                                token.familyId, null))));
    }

    public Uni<Void> logoutEverywhere(UUID userId, Caller caller) {
        return Panache.withTransaction(() -> audit.record(caller, AuditAction.LOGOUT_ALL, "user", userId, null))
                .chain(() -> endAll(userId)).replaceWithVoid();
    }

    /**
     * Revokes every refresh token of the user and every access token issued so far; answers the
     * new session generation. The generation is raised in the same transaction that revokes the
     * refresh tokens, so a refresh racing with it either finds its token revoked or issued its
     * access token in the old generation.
     */
    public Uni<Long> endAll(UUID userId) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> nextGeneration(userId).call(() -> refreshTokens.revokeAllOf(userId, now)))
                .call(generation -> revocations.announce(userId, generation));
    }

    /**
     * Stops every access token issued so far but keeps the sessions: their next refresh issues a
     * token with what the user is now (a changed global role).
     */
    public Uni<Long> endAccessTokens(UUID userId) {
        return Panache.withTransaction(() -> nextGeneration(userId))
                .call(generation -> revocations.announce(userId, generation));
    }

    private Uni<Long> nextGeneration(UUID userId) {
        return users.update("sessionGeneration = sessionGeneration + 1 where id = ?1", userId)
                .chain(() -> Panache.getSession())
                .chain(session -> session.createSelectionQuery("select u.sessionGeneration from User u where u.id = :id", Long.class)
                        .setParameter("id", userId).getSingleResult());
    }

    /** Issues a fresh session for a user whose password just changed (after endAll, in its generation). */
    public Uni<Session> startFresh(User user, long generation, Caller caller) {
        user.sessionGeneration = generation;
        return admit(user, caller);
    }
}
