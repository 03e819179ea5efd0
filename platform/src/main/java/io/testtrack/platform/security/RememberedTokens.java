package io.testtrack.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The access-token parser every service authenticates with: smallrye-jwt's own (signature,
 * issuer, audience, expiry), but a token it has verified is remembered for up to a minute and
 * never past its expiry, so that a client's run of requests costs one RSA check rather than one
 * each (it was a sixth of a search's CPU). The gateway checks revocation on every request;
 * remembering a verified signature changes no answer.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberedTokens extends DefaultJWTParser {

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(4_096)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && System.currentTimeMillis() / 1000 < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken parsed = super.parse(token);
        verified.put(token, parsed);
        return parsed;
    }
}
