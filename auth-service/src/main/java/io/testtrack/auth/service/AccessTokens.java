package io.testtrack.auth.service;

import io.smallrye.jwt.build.Jwt;
import io.testtrack.auth.config.AuthConfig;
import io.testtrack.auth.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * Signs RS256 access tokens: iss, aud, sub = user id, upn = e-mail, groups = global role, jti, and
 * {@value #SESSION_GENERATION} = the user's session generation, which the gateway compares with
 * the one auth-service last announced (SessionRevocations).
 */
@ApplicationScoped
public class AccessTokens {

    public static final String SESSION_GENERATION = "tt_sg";

    private final AuthConfig config;

    public AccessTokens(AuthConfig config) {
        this.config = config;
    }

    public record Issued(String token, long expiresIn) {
    }

    public Issued issue(User user) {
        long lifetime = config.accessTokenLifetime().toSeconds();
        String token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(user.id.toString())
                .upn(user.email)
                .claim("name", user.name)
                .groups(Set.of(user.globalRole.name()))
                .claim("jti", UUID.randomUUID().toString())
                .claim(SESSION_GENERATION, user.sessionGeneration)
                .expiresIn(lifetime)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new Issued(token, lifetime);
    }
}
