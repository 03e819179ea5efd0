package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.AuditAction;
import io.testtrack.auth.domain.AuditEntry;
import io.testtrack.auth.domain.Page;
import io.testtrack.auth.domain.User;
import io.testtrack.auth.repository.ApiTokenRepository;
import io.testtrack.auth.repository.AuditRepository;
import io.testtrack.auth.repository.UserRepository;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.access.UserDeactivated;
import io.testtrack.events.access.UserReactivated;
import io.testtrack.events.access.UserRoleChanged;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.AuthenticationRequiredException;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The admin's user management and audit reading. The platform always keeps one active ADMIN. */
@ApplicationScoped
public class AdminService {

    private final UserRepository users;
    private final ApiTokenRepository apiTokens;
    private final AuditRepository auditEntries;
    private final AccountService accounts;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Mails mails;

    public AdminService(UserRepository users, ApiTokenRepository apiTokens, AuditRepository auditEntries,
            AccountService accounts, SessionService sessions, PasswordHasher hasher, AuditLog audit, Outbox outbox,
            Mails mails) {
        this.users = users;
        this.apiTokens = apiTokens;
        this.auditEntries = auditEntries;
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.outbox = outbox;
        this.mails = mails;
    }

    public Uni<Page<User>> users(String query, int page, int size) {
        return Panache.withSession(() -> users.search(query, page, size)
                .chain(items -> users.countMatching(query).map(total -> new Page<>(items, page, size, total))));
    }

    /** Creates a user; without a password an invitation mail lets them choose one. */
    public Uni<User> create(String email, String name, GlobalRole role, String password, Caller caller) {
        Uni<String> hash = password == null ? Uni.createFrom().nullItem() : hasher.hash(password);
        return hash.chain(passwordHash -> Panache.withTransaction(() -> users.findByEmail(email).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictException("A user with that e-mail address exists."));
            }
            return accounts.createUser(email, name, role, passwordHash, caller).chain(user -> passwordHash != null
                    ? Uni.createFrom().item(new Invited(user, null))
                    : accounts.invite(user).map(token -> new Invited(user, token)));
        }))).call(invited -> invited.token() == null ? Uni.createFrom().voidItem()
                : mails.invitation(invited.user().email, invited.user().name, invited.token()))
                .map(Invited::user);
    }

    private record Invited(User user, String token) {
    }

    /**
     * Fails unless the caller is an active ADMIN now: the token's role is what the user was when it
     * was issued, and a demoted admin must not keep (or give back to themselves) admin rights.
     */
    public Uni<Void> requireAdmin(UUID callerId) {
        return Panache.withSession(() -> users.findById(callerId)).invoke(user -> {
            if (user == null || !user.active) {
                throw new AuthenticationRequiredException("This account is deactivated.");
            }
            if (user.globalRole != GlobalRole.ADMIN) {
                throw new AccessDeniedException("Only an admin may do this.");
            }
        }).replaceWithVoid();
    }

    /**
     * Changes a user's global role and/or active flag. Deactivation ends their sessions and API
     * tokens at once; a role change ends their access tokens (the sessions go on, and their next
     * refresh carries the new role).
     */
    public Uni<User> update(UUID userId, GlobalRole role, Boolean active, Caller caller) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> users.findById(userId).chain(user -> {
            if (user == null) {
                return Uni.createFrom().failure(new ResourceNotFoundException("No such user."));
            }
            boolean demotesAdmin = user.globalRole == GlobalRole.ADMIN && role != null && role != GlobalRole.ADMIN;
            boolean deactivatesAdmin = user.globalRole == GlobalRole.ADMIN && Boolean.FALSE.equals(active) && user.active;
            Uni<Void> guard = demotesAdmin || deactivatesAdmin ? keepAnAdmin() : Uni.createFrom().voidItem();
            boolean roleChanges = role != null && role != user.globalRole;
            return guard.chain(() -> applyRole(user, role, caller))
                    .chain(() -> applyActive(user, active, caller, now))
                    .invoke(() -> user.updatedAt = now)
                    .replaceWith(new Updated(user, roleChanges));
        })).call(updated -> Boolean.FALSE.equals(active) ? sessions.endAll(updated.user().id)
                : updated.roleChanged() ? sessions.endAccessTokens(updated.user().id) : Uni.createFrom().voidItem())
                .map(Updated::user);
    }

    private record Updated(User user, boolean roleChanged) {
    }

    private Uni<Void> applyRole(User user, GlobalRole role, Caller caller) {
        if (role == null || role == user.globalRole) {
            return Uni.createFrom().voidItem();
        }
        GlobalRole previous = user.globalRole;
        user.globalRole = role;
        return outbox.record(new UserRoleChanged(user.id, previous, role, caller.userId()))
                .chain(() -> audit.record(caller, AuditAction.ROLE_CHANGED, "user", user.id, previous + " -> " + role));
    }

    private Uni<Void> applyActive(User user, Boolean active, Caller caller, Instant now) {
        if (active == null || active == user.active) {
            return Uni.createFrom().voidItem();
        }
        user.active = active;
        if (active) {
            return outbox.record(new UserReactivated(user.id, caller.userId()))
                    .chain(() -> audit.record(caller, AuditAction.USER_REACTIVATED, "user", user.id, null));
        }
        return apiTokens.revokeCreatedBy(user.id, now)
                .chain(revoked -> outbox.record(new UserDeactivated(user.id, caller.userId()))
                        .chain(() -> audit.record(caller, AuditAction.USER_DEACTIVATED, "user", user.id,
                                revoked + " API tokens revoked")));
    }

    private Uni<Void> keepAnAdmin() {
        return users.count("globalRole = ?1 and active = true", GlobalRole.ADMIN).invoke(admins -> {
            if (admins <= 1) {
                throw new ConflictException("This is the last active admin; make another admin first.");
            }
        }).replaceWithVoid();
    }

    public Uni<Page<AuditEntry>> audit(String action, UUID actorId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (action != null) {
            where.append(" and action = :action");
            params.put("action", action);
        }
        if (actorId != null) {
            where.append(" and actorId = :actor");
            params.put("actor", actorId);
        }
        return Panache.withSession(() -> auditEntries.find(where + " order by at desc, id desc", params).page(page, size).list()
                .chain(items -> auditEntries.count(where.toString(), params).map(total -> new Page<>(items, page, size, total))));
    }
}
