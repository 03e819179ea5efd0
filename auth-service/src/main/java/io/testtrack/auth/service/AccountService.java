package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.testtrack.auth.config.AuthConfig;
import io.testtrack.auth.domain.AuditAction;
import io.testtrack.auth.domain.OneTimeToken;
import io.testtrack.auth.domain.OneTimeToken.Purpose;
import io.testtrack.auth.domain.Secrets;
import io.testtrack.auth.domain.User;
import io.testtrack.auth.repository.OneTimeTokenRepository;
import io.testtrack.auth.repository.UserRepository;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.access.UserRegistered;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Self-service account use cases: register, verify, forgot and reset a password. Register and
 * forgot-password answer the same whether or not the address is known (no user enumeration).
 */
@ApplicationScoped
public class AccountService {

    private final UserRepository users;
    private final OneTimeTokenRepository oneTimeTokens;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Mails mails;
    private final LoginThrottle throttle;
    private final AuthConfig config;

    public AccountService(UserRepository users, OneTimeTokenRepository oneTimeTokens, PasswordHasher hasher,
            SessionService sessions, AuditLog audit, Outbox outbox, Mails mails, LoginThrottle throttle, AuthConfig config) {
        this.users = users;
        this.oneTimeTokens = oneTimeTokens;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.outbox = outbox;
        this.mails = mails;
        this.throttle = throttle;
        this.config = config;
    }

    /**
     * Registers an address. The caller waits for the password's hash only (so the cost of asking
     * stays with the asker); the account, its mail and the answer to an address that already has
     * one are made after the answer, so its timing does not tell whether the address is known.
     */
    public Uni<Void> register(String email, String name, String password, Caller caller) {
        return hasher.hash(password)
                .invoke(hash -> afterTheAnswer("a registration", () -> enrol(email, name, hash, caller)))
                .replaceWithVoid();
    }

    Uni<Void> enrol(String email, String name, String hash, Caller caller) {
        return Panache.withTransaction(() -> users.findByEmail(email)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(afterRegisteringAgain(existing))
                        : createUnverified(email, name, hash, caller)))
                .chain(AfterCommit::run);
    }

    /**
     * Runs {@code work} on a Vert.x context of its own, not the request's: the request is answered
     * without waiting for it. (Such a context may not be made from an event-loop thread.)
     */
    private static void afterTheAnswer(String what, Supplier<Uni<Void>> work) {
        Infrastructure.getDefaultWorkerPool().execute(() -> VertxContextSupport.subscribe(() -> work.get().toMulti(),
                subscribe -> subscribe.with(ignored -> {
                }, failure -> Log.errorf("%s was not completed: %s", what, failure.toString()))));
    }

    private AfterCommit afterRegisteringAgain(User existing) {
        return existing.emailVerified
                ? () -> mails.alreadyRegistered(existing.email, existing.name)
                : () -> resendVerification(existing);
    }

    private Uni<AfterCommit> createUnverified(String email, String name, String hash, Caller caller) {
        Instant now = Instant.now();
        User user = User.create(email, name, config.registrationRole(), now);
        user.passwordHash = hash;
        String token = Secrets.generate("");
        return users.persist(user)
                .chain(() -> oneTimeTokens.persist(OneTimeToken.issue(Secrets.hash(token), user.id, Purpose.VERIFY_EMAIL, now,
                        config.verificationLifetime())))
                .chain(() -> outbox.record(new UserRegistered(user.id, user.email, user.name, user.globalRole)))
                .chain(() -> audit.record(caller.as(user.id, user.email), AuditAction.USER_REGISTERED, "user", user.id, null))
                .map(ignored -> () -> mails.verification(user.email, user.name, token));
    }

    /** A second registration of an unverified address mails a fresh link (the old one stops working). */
    private Uni<Void> resendVerification(User user) {
        String token = Secrets.generate("");
        Instant now = Instant.now();
        return Panache.withTransaction(() -> oneTimeTokens.spendOpen(user.id, Purpose.VERIFY_EMAIL, now)
                        .chain(() -> oneTimeTokens.persist(OneTimeToken.issue(Secrets.hash(token), user.id, Purpose.VERIFY_EMAIL,
                                now, config.verificationLifetime()))))
                .chain(() -> mails.verification(user.email, user.name, token));
    }

    public Uni<Void> verifyEmail(String token, Caller caller) {
        return Panache.withTransaction(() -> spend(token, Set.of(Purpose.VERIFY_EMAIL))
                .chain(user -> {
                    user.emailVerified = true;
                    user.updatedAt = Instant.now();
                    return audit.record(caller.as(user.id, user.email), AuditAction.EMAIL_VERIFIED, "user", user.id, null);
                }));
    }

    /**
     * Takes a forgot-password request and returns before anything about the address is looked up:
     * the reset token, its audit entry and the mail are made afterwards, on a Vert.x context of
     * their own. The answer and its timing are therefore the same whether or not the address has
     * an account, and never wait for the database or SMTP. A request lost to a crash in between is
     * asked again by the user; a failure is logged.
     */
    public void requestPasswordReset(String email, Caller caller) {
        afterTheAnswer("a requested password reset", () -> forgotPassword(email, caller));
    }

    Uni<Void> forgotPassword(String email, Caller caller) {
        String token = Secrets.generate("");
        Instant now = Instant.now();
        return Panache.withTransaction(() -> users.findByEmail(email).chain(user -> {
            if (user == null || !user.active) {
                return Uni.createFrom().item(AfterCommit.nothing());
            }
            return oneTimeTokens.spendOpen(user.id, Purpose.RESET_PASSWORD, now)
                    .chain(() -> oneTimeTokens.persist(OneTimeToken.issue(Secrets.hash(token), user.id, Purpose.RESET_PASSWORD,
                            now, config.resetLifetime())))
                    .chain(() -> audit.record(caller, AuditAction.PASSWORD_RESET_REQUESTED, "user", user.id, null))
                    .map(ignored -> (AfterCommit) () -> mails.passwordReset(user.email, user.name, token));
        })).chain(AfterCommit::run);
    }

    /** Sets a new password from a reset or invitation link; every session of the user ends. */
    public Uni<Void> resetPassword(String token, String newPassword, Caller caller) {
        return hasher.hash(newPassword).chain(hash -> Panache.withTransaction(
                        () -> spend(token, Set.of(Purpose.RESET_PASSWORD, Purpose.INVITATION))
                                .chain(user -> {
                                    user.passwordHash = hash;
                                    user.emailVerified = true;
                                    user.updatedAt = Instant.now();
                                    return audit.record(caller.as(user.id, user.email), AuditAction.PASSWORD_RESET, "user",
                                                    user.id, null)
                                            .replaceWith(user);
                                }))
                .chain(user -> sessions.endAll(user.id)))
                .replaceWithVoid();
    }

    /**
     * Changes a password after checking the current one; other sessions end, this one starts
     * afresh. Wrong current passwords count against the account and the address as failed logins
     * do (LoginThrottle), so a stolen access token cannot guess the password faster than a login.
     */
    public Uni<SessionService.Session> changePassword(UUID userId, String current, String next, Caller caller) {
        return profile(userId)
                .call(user -> throttle.checkAllowed(user.email, caller.ip()))
                .chain(user -> hasher.matches(current, user.passwordHash)
                        .chain(matches -> matches ? throttle.recordSuccess(user.email) : refuseChange(user, caller)))
                .chain(() -> hasher.hash(next))
                .chain(hash -> Panache.withTransaction(() -> users.findById(userId).chain(user -> {
                    user.passwordHash = hash;
                    user.updatedAt = Instant.now();
                    return audit.record(caller, AuditAction.PASSWORD_CHANGED, "user", userId, null).replaceWith(user);
                })))
                .chain(user -> sessions.endAll(userId).chain(generation -> sessions.startFresh(user, generation, caller)));
    }

    private Uni<Void> refuseChange(User user, Caller caller) {
        return throttle.recordFailure(user.email, caller.ip())
                .chain(() -> Panache.withTransaction(() -> audit.record(caller, AuditAction.PASSWORD_CHANGE_FAILED, "user",
                        user.id, "wrong current password")))
                .chain(() -> Uni.createFrom().failure(new InvalidRequestException("The current password is wrong.")));
    }

    /** Issues an invitation link for a user an admin created without a password. */
    public Uni<String> invite(User user) {
        String token = Secrets.generate("");
        return oneTimeTokens.persist(OneTimeToken.issue(Secrets.hash(token), user.id, Purpose.INVITATION, Instant.now(),
                config.invitationLifetime())).replaceWith(token);
    }

    public Uni<User> profile(UUID userId) {
        return Panache.withSession(() -> users.findById(userId))
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("No such user."));
    }

    /** Creates a user and announces it; used by admins and by the first-admin bootstrap. */
    public Uni<User> createUser(String email, String name, GlobalRole role, String passwordHash, Caller caller) {
        User user = User.create(email, name, role, Instant.now());
        user.passwordHash = passwordHash;
        user.emailVerified = passwordHash != null;
        return users.persist(user)
                .chain(() -> outbox.record(new UserRegistered(user.id, user.email, user.name, user.globalRole)))
                .chain(() -> audit.record(caller, AuditAction.USER_CREATED, "user", user.id, "role=" + role))
                .replaceWith(user);
    }

    /** Marks a one-time token used and returns its user; any unusable token is the same 400. */
    private Uni<User> spend(String token, Set<Purpose> purposes) {
        Instant now = Instant.now();
        return oneTimeTokens.findById(Secrets.hash(token))
                .chain(found -> {
                    if (found == null || !purposes.contains(found.purpose) || !found.usableAt(now)) {
                        return Uni.createFrom().failure(new InvalidRequestException("The link is invalid, used or expired."));
                    }
                    found.usedAt = now;
                    return users.findById(found.userId);
                })
                .invoke(user -> {
                    if (user == null || !user.active) {
                        throw new InvalidRequestException("The link is invalid, used or expired.");
                    }
                });
    }
}
