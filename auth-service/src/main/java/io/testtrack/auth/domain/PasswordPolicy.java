package io.testtrack.auth.domain;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: at least 12 characters, at most 256 bytes (a bound on the work one
 * request can ask of the hasher), and not one of the 30,000 most common passwords of the zxcvbn
 * project's breach-derived list, compared without regard to case.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 256;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("is in a list of breached passwords; choose another");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        try {
            return new HashSet<>(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies());
        } catch (IOException e) {
            throw new UncheckedIOException("the breached-password list did not load", e);
        }
    }
}
