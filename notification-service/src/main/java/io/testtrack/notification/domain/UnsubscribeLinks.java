package io.testtrack.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an unsubscribe link: HMAC-SHA256 over the user and the event type (or
 * {@code ALL}), so the link works without signing in and cannot be made for anyone else.
 */
public final class UnsubscribeLinks {

    public static final String ALL = "ALL";

    private final byte[] key;

    public UnsubscribeLinks(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(UUID userId, String eventType) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal(("unsubscribe|" + userId + "|" + eventType).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compared in constant time. */
    public boolean verify(UUID userId, String eventType, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(userId, eventType).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
