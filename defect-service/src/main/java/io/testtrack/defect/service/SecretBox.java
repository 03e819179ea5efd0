package io.testtrack.defect.service;

import io.testtrack.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts the secrets of GitHub integrations (AES-256-GCM, a fresh nonce each) under the key in
 * {@code defect.github.secret-key} (base64 of 32 bytes; {@code TESTTRACK_GITHUB_SECRET_KEY}).
 * Without a key, integrations cannot be created (503), and nothing is ever stored in clear.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE = 12;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@ConfigProperty(name = "defect.github.secret-key") Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank()).map(k -> {
            byte[] bytes = Base64.getDecoder().decode(k.trim());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("defect.github.secret-key must be 32 bytes, base64-encoded");
            }
            return (SecretKey) new SecretKeySpec(bytes, "AES");
        }).orElse(null);
    }

    public String seal(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, required(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, required(), new GCMParameterSpec(128, bytes, 0, NONCE));
            return new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret does not decrypt under the configured key", e);
        }
    }

    private SecretKey required() {
        if (key == null) {
            throw new NotConfigured();
        }
        return key;
    }

    /** The deployment has no key for integration secrets. */
    public static final class NotConfigured extends DomainException {
        public NotConfigured() {
            super(503, "unavailable", "Unavailable", "GitHub integrations need defect.github.secret-key (TESTTRACK_GITHUB_SECRET_KEY).");
        }
    }
}
