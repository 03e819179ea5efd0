package io.testtrack.gateway.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.testtrack.common.VerifiedTokenMemory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies access tokens (RS256, issuer, audience, expiry with 30 s skew: the settings every
 * service shares) and remembers a verified token as every service does
 * ({@link VerifiedTokenMemory}), so that a client's burst of requests costs one signature check.
 * Revocation is checked on every request regardless (Admission).
 */
@ApplicationScoped
public class VerifiedTokens {

    private final JWTParser parser;
    private final VerifiedTokenMemory verified = new VerifiedTokenMemory(20_000);

    public VerifiedTokens(JWTParser parser) {
        this.parser = parser;
    }

    public JsonWebToken verify(String token) throws ParseException {
        return verified.verify(token, parser::parse);
    }
}
