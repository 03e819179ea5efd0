package io.testtrack.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenMemoryTest {

    /** A verified token as a parser would hand it back: its subject and expiry. */
    private record Verified(String subject, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.<String, Object>of("sub", subject, "exp", exp).get(claimName);
        }
    }

    private final VerifiedTokenMemory memory = new VerifiedTokenMemory(100);
    private final AtomicInteger checks = new AtomicInteger();

    private JsonWebToken check(String token, long exp) {
        checks.incrementAndGet();
        return new Verified(token, exp);
    }

    @Test
    void aTokenVerifiedOnceIsNotCheckedAgainWhileValid() {
        long inAnHour = System.currentTimeMillis() / 1000 + 3600;

        JsonWebToken first = memory.verify("token-a", t -> check(t, inAnHour));
        JsonWebToken again = memory.verify("token-a", t -> check(t, inAnHour));
        memory.verify("token-b", t -> check(t, inAnHour));

        assertSame(first, again);
        assertEquals(2, checks.get());
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndSoRefusedByTheFullCheck() {
        long aSecondAgo = System.currentTimeMillis() / 1000 - 1;
        memory.verify("token-c", t -> check(t, aSecondAgo));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> memory.verify("token-c", t -> {
            checks.incrementAndGet();
            throw new IllegalStateException("expired");
        }));

        assertEquals("expired", refused.getMessage());
        assertEquals(2, checks.get());
    }

    @Test
    void aTokenThatFailsTheCheckIsNotRemembered() {
        assertThrows(Exception.class, () -> memory.verify("forged", t -> {
            throw new Exception("bad signature");
        }));
        long inAnHour = System.currentTimeMillis() / 1000 + 3600;

        memory.verify("forged", t -> check(t, inAnHour));

        assertEquals(1, checks.get());
    }
}
