package io.testtrack.platform.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens for tests: valid ones signed with the test key every service trusts in the test
 * profile, and the forgeries an attacker would try.
 */
public final class TestTokens {

    public static final String ISSUER = "testtrack-auth";
    public static final String AUDIENCE = "testtrack-api";

    private TestTokens() {
    }

    public static String valid(UUID userId, String email, String globalRole) {
        return claims(userId, email, globalRole).sign(key("private.pem"));
    }

    /** A valid token issued in the user's session generation {@code generation} (claim tt_sg). */
    public static String valid(UUID userId, String email, String globalRole, long generation) {
        return claims(userId, email, globalRole).claim("tt_sg", generation).sign(key("private.pem"));
    }

    /** A valid token that expires {@code seconds} from now. */
    public static String validFor(UUID userId, String email, String globalRole, long seconds) {
        return claims(userId, email, globalRole).expiresIn(seconds).sign(key("private.pem"));
    }

    /** What auth-service hands the gateway for a project's API token. */
    public static String apiToken(UUID tokenId, UUID projectId, String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("api-token:" + tokenId).upn("api-token:ci")
                .groups(Set.of("API_TOKEN")).claim("tt_project", projectId.toString()).claim("tt_role", role)
                .claim("jti", UUID.randomUUID().toString()).expiresIn(120).sign(key("private.pem"));
    }

    public enum Forgery {
        ALG_NONE, HS256_WITH_PUBLIC_KEY, WRONG_ISSUER, WRONG_AUDIENCE, EXPIRED, TAMPERED_PAYLOAD, FOREIGN_KEY
    }

    public static String forged(Forgery forgery, UUID userId, String email, String globalRole) {
        return switch (forgery) {
            case ALG_NONE -> unsigned(claims(userId, email, globalRole).sign(key("private.pem")));
            case HS256_WITH_PUBLIC_KEY -> claims(userId, email, globalRole).jws().algorithm(SignatureAlgorithm.HS256)
                    .sign(new SecretKeySpec(resource("public.pem").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            case WRONG_ISSUER -> Jwt.issuer("someone-else").audience(AUDIENCE).subject(userId.toString()).upn(email)
                    .groups(Set.of(globalRole)).expiresIn(600).sign(key("private.pem"));
            case WRONG_AUDIENCE -> Jwt.issuer(ISSUER).audience("another-api").subject(userId.toString()).upn(email)
                    .groups(Set.of(globalRole)).expiresIn(600).sign(key("private.pem"));
            case EXPIRED -> Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString()).upn(email)
                    .groups(Set.of(globalRole)).issuedAt(Instant.now().minusSeconds(3600))
                    .expiresAt(Instant.now().minusSeconds(600)).sign(key("private.pem"));
            case TAMPERED_PAYLOAD -> tamper(claims(userId, email, globalRole).sign(key("private.pem")));
            case FOREIGN_KEY -> claims(userId, email, globalRole).sign(key("foreign-private.pem"));
        };
    }

    private static JwtClaimsBuilder claims(UUID userId, String email, String globalRole) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString()).upn(email)
                .groups(Set.of(globalRole)).claim("jti", UUID.randomUUID().toString()).expiresIn(600);
    }

    /** Same claims, header {"alg":"none"}, no signature. */
    private static String unsigned(String jwt) {
        String[] parts = jwt.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** A valid signature over a payload that then had its role raised to ADMIN and its name changed. */
    private static String tamper(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"groups\":\\[[^]]*]", "\"groups\":[\"ADMIN\"]")
                .replace("\"upn\":\"", "\"upn\":\"admin-");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static PrivateKey key(String name) {
        try {
            return KeyUtils.decodePrivateKey(resource(name));
        } catch (Exception e) {
            throw new IllegalStateException("test key " + name + " does not load", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream("jwt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
