package io.testtrack.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers access tokens whose signature was verified, for up to a minute and never past their
 * expiry, so that a client's run of requests costs one RSA check rather than one each.
 * Revocation is checked on every request regardless (at the gateway): remembering a verified
 * signature changes no answer.
 */
public final class VerifiedTokenMemory {

    /** The full check (signature, issuer, audience, expiry) a token not remembered goes through. */
    @FunctionalInterface
    public interface Verifier<E extends Exception> {
        JsonWebToken verify(String token) throws E;
    }

    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokenMemory(long maximumSize) {
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(Duration.ofMinutes(1))
                .build();
    }

    public <E extends Exception> JsonWebToken verify(String token, Verifier<E> verifier) throws E {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && System.currentTimeMillis() / 1000 < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken parsed = verifier.verify(token);
        verified.put(token, parsed);
        return parsed;
    }
}
