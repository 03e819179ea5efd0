package io.testtrack.testcase.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page starts: the sort it belongs to, the last row's sort values and the total
 * the first page counted (later pages repeat it instead of counting again). Opaque to clients
 * (base64url JSON); one made for another sort or tampered with is refused.
 */
public record Cursor(CaseSort sort, boolean descending, List<String> values, long total, boolean totalCapped) {

    private static final TypeReference<Cursor> TYPE = new TypeReference<>() {
    };

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JsonColumns.write(this).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text, CaseSort sort, boolean descending) {
        Cursor cursor;
        try {
            cursor = JsonColumns.read(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8), TYPE);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a cursor this service handed out");
        }
        if (cursor == null || cursor.sort() != sort || cursor.descending() != descending || cursor.values() == null
                || cursor.values().size() != sort.columns().size() || cursor.total() < 0 || cursor.values().stream().anyMatch(v -> v == null)) {
            throw new IllegalArgumentException("belongs to another sort or is damaged; start again without it");
        }
        return cursor;
    }
}
