package io.testtrack.platform.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.testtrack.platform.testing.TestTokens;
import io.testtrack.platform.testing.TestTokens.Forgery;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
class RememberedTokensTest {

    @Inject
    JWTParser parser;

    @Test
    void servicesAuthenticateWithTheRememberingParser() {
        assertInstanceOf(RememberedTokens.class, ClientProxy.unwrap(parser));
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpiresAndThenVerifiedAgain() throws ParseException {
        UUID user = UUID.randomUUID();
        String token = TestTokens.validFor(user, "remembered@example.com", "TESTER", 2);
        JsonWebToken first = parser.parse(token);
        assertEquals(user.toString(), first.getSubject());
        assertSame(first, parser.parse(token), "the second use is answered from memory");
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() / 1000 >= first.getExpirationTime());
        // past its expiry (within the 30 s skew smallrye-jwt allows) the token is checked again
        assertNotSame(first, parser.parse(token));
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void forgeriesAreRefusedEvenAfterTheGenuineTokenWasRemembered(Forgery forgery) throws ParseException {
        UUID user = UUID.randomUUID();
        parser.parse(TestTokens.valid(user, "genuine@example.com", "TESTER"));
        String forged = TestTokens.forged(forgery, user, "genuine@example.com", "TESTER");
        assertThrows(ParseException.class, () -> parser.parse(forged));
        assertThrows(ParseException.class, () -> parser.parse(forged), "a refused token is not remembered either");
    }
}
