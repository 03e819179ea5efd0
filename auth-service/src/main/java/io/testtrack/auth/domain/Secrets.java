package io.testtrack.auth.domain;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.DigestUtils;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets handed to users once, and the hashes under which they are stored. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, URL-safe, with an optional readable prefix (API tokens use {@code tt_}). */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 in hex: enough for high-entropy secrets, which need no salt or slow hash. */
    public static String hash(String secret) {
        return DigestUtils.sha256Hex(secret);
    }

    /** Constant-time comparison, for CSRF tokens and the like. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
