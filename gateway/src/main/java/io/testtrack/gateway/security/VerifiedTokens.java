package io.testtrack.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies access tokens (RS256, issuer, audience, expiry with 30 s skew: the settings every
 * service shares) and remembers a verified token for up to a minute, so that a client's burst of
 * requests costs one signature check. A remembered token is dropped as soon as it expires;
 * revocation is checked on every request regardless (Admission).
 */
@ApplicationScoped
public class VerifiedTokens {

    private final JWTParser parser;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    public VerifiedTokens(JWTParser parser) {
        this.parser = parser;
    }

    public JsonWebToken verify(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && Instant.now().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken parsed = parser.parse(token);
        verified.put(token, parsed);
        return parsed;
    }
}
