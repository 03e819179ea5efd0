package io.testtrack.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.testtrack.auth.domain.RefreshToken.Use;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64)";
    private static final String IP = "203.0.113.7";
    private final Instant login = Instant.parse("2026-11-29T10:00:00Z");

    private RefreshToken token() {
        return RefreshToken.startFamily("hash-1", UUID.randomUUID(), login, Duration.ofDays(7), BROWSER, IP);
    }

    @Test
    void aFreshTokenIsValidUntilItsSessionEnds() {
        RefreshToken token = token();
        assertEquals(Use.VALID, token.classify(login.plusSeconds(60), GRACE, "another browser", "198.51.100.1"));
        assertEquals(Use.EXPIRED, token.classify(login.plus(Duration.ofDays(7)), GRACE, BROWSER, IP));
    }

    @Test
    void aRotatedTokenRenewsAgainOnlyForTheSameBrowserWithinTheGrace() {
        RefreshToken token = token();
        Instant rotation = login.plusSeconds(600);
        RefreshToken successor = token.rotate("hash-2", rotation, BROWSER, IP);

        assertEquals(token.familyId, successor.familyId);
        assertEquals(Use.VALID, token.classify(rotation.plusSeconds(9), GRACE, BROWSER, IP));
        assertEquals(Use.REUSED, token.classify(rotation.plusSeconds(10), GRACE, BROWSER, IP));
        assertEquals(Use.REUSED, token.classify(rotation.plusSeconds(1), GRACE, "another browser", IP));
        assertEquals(Use.REUSED, token.classify(rotation.plusSeconds(1), GRACE, BROWSER, "198.51.100.1"));
        assertEquals(Use.REUSED, token.classify(rotation.plusSeconds(1), Duration.ZERO, BROWSER, IP));
    }

    @Test
    void renewingWithinTheGraceDoesNotExtendIt() {
        RefreshToken token = token();
        Instant rotation = login.plusSeconds(600);
        token.rotate("hash-2", rotation, BROWSER, IP);
        token.rotate("hash-3", rotation.plusSeconds(8), BROWSER, IP);

        assertEquals(rotation, token.rotatedAt);
        assertEquals(Use.REUSED, token.classify(rotation.plusSeconds(12), GRACE, BROWSER, IP));
    }

    @Test
    void aRevokedTokenStaysRevokedWhateverTheGrace() {
        RefreshToken token = token();
        token.rotate("hash-2", login.plusSeconds(1), BROWSER, IP);
        token.revokedAt = login.plusSeconds(2);
        assertEquals(Use.REVOKED, token.classify(login.plusSeconds(3), GRACE, BROWSER, IP));
    }
}
