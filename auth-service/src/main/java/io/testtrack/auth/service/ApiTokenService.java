package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import io.testtrack.auth.domain.ApiToken;
import io.testtrack.auth.domain.AuditAction;
import io.testtrack.auth.domain.ExchangedToken;
import io.testtrack.auth.domain.Secrets;
import io.testtrack.auth.repository.ApiTokenRepository;
import io.testtrack.auth.repository.ProjectRepository;
import io.testtrack.events.ProjectRole;
import io.testtrack.platform.error.AuthenticationRequiredException;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * API tokens for CI: LEADs create, list and revoke them; the gateway exchanges a presented
 * secret for a short-lived access token that carries the token's project and role.
 */
@ApplicationScoped
public class ApiTokenService {

    /** How long an exchanged access token lives; the gateway caches it for at most 30 s. */
    static final Duration EXCHANGED_LIFETIME = Duration.ofMinutes(2);

    private final ApiTokenRepository tokens;
    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final AuditLog audit;
    private final AuthConfig config;

    public ApiTokenService(ApiTokenRepository tokens, ProjectRepository projects, ProjectAccess access, AuditLog audit,
            AuthConfig config) {
        this.tokens = tokens;
        this.projects = projects;
        this.access = access;
        this.audit = audit;
        this.config = config;
    }

    /** A new token with its secret, which is never shown again. */
    public record Created(ApiToken token, String secret) {
    }

    public Uni<Created> create(Principal principal, UUID projectId, String name, ProjectRole role, Instant expiresAt,
            Caller caller) {
        if (!ApiToken.ALLOWED_ROLES.contains(role)) {
            return Uni.createFrom().failure(new InvalidRequestException("An API token's role is VIEWER or TESTER."));
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            return Uni.createFrom().failure(new InvalidRequestException("expiresAt must be in the future."));
        }
        String secret = Secrets.generate(ApiToken.PREFIX);
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> Panache.withTransaction(() -> {
                    ApiToken token = ApiToken.create(projectId, name, role, secret, expiresAt, caller.userId(), Instant.now());
                    return tokens.persist(token)
                            .chain(() -> audit.record(caller, AuditAction.API_TOKEN_CREATED, "api-token", token.id,
                                    name + " (" + role + ")"))
                            .replaceWith(new Created(token, secret));
                }));
    }

    public Uni<List<ApiToken>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> Panache.withSession(() -> tokens.ofProject(projectId)));
    }

    public Uni<Void> revoke(Principal principal, UUID projectId, UUID tokenId, Caller caller) {
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> Panache.withTransaction(() -> tokens.findById(tokenId).chain(token -> {
                    if (token == null || !token.projectId.equals(projectId)) {
                        return Uni.createFrom().failure(new ResourceNotFoundException("No such API token."));
                    }
                    if (token.revokedAt == null) {
                        token.revokedAt = Instant.now();
                    }
                    return audit.record(caller, AuditAction.API_TOKEN_REVOKED, "api-token", token.id, token.name);
                })));
    }

    /** Trades a valid {@code tt_…} secret for an access token; notes when the token was last used. */
    public Uni<ExchangedToken> exchange(String secret) {
        if (secret == null || !secret.startsWith(ApiToken.PREFIX)) {
            return Uni.createFrom().failure(new AuthenticationRequiredException("Not an API token."));
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> tokens.findBySecretHash(Secrets.hash(secret)).chain(token -> {
            if (token == null || !token.usableAt(now)) {
                return Uni.createFrom().nullItem();
            }
            return projects.findById(token.projectId).map(project -> {
                if (project == null || project.archived) {
                    return null;
                }
                token.lastUsedAt = now;
                return token;
            });
        })).onItem().ifNull().failWith(() -> new AuthenticationRequiredException("The API token is unknown, revoked or expired."))
                .map(this::sign);
    }

    private ExchangedToken sign(ApiToken token) {
        long lifetime = EXCHANGED_LIFETIME.toSeconds();
        String jwt = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(Principal.API_TOKEN_SUBJECT_PREFIX + token.id)
                .upn("api-token:" + token.name)
                .groups(Set.of(Principal.API_TOKEN_GROUP))
                .claim(Principal.PROJECT_CLAIM, token.projectId.toString())
                .claim(Principal.ROLE_CLAIM, token.role.name())
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(lifetime)
                .sign();
        return new ExchangedToken(jwt, lifetime, token.projectId, token.role);
    }
}
