package io.testtrack.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.testtrack.common.VerifiedTokenMemory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The access-token parser every service authenticates with: smallrye-jwt's own (signature,
 * issuer, audience, expiry), remembered as the gateway does ({@link VerifiedTokenMemory}): a
 * client's run of requests costs one RSA check rather than one each (it was a sixth of a
 * search's CPU).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberedTokens extends DefaultJWTParser {

    private final VerifiedTokenMemory verified = new VerifiedTokenMemory(4_096);

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verify(token, super::parse);
    }
}
