package io.testtrack.notification.domain;

import io.testtrack.platform.error.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset position: a rank (0 = unread, 1 = read for notifications; 0 for chat), the
 * row's time and id. A cursor that does not decode is a 400.
 */
public record Cursor(int rank, Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((rank + "|" + at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                throw new IllegalArgumentException("parts");
            }
            return new Cursor(Integer.parseInt(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidFieldsException("cursor", "is not a cursor this service handed out");
        }
    }
}
