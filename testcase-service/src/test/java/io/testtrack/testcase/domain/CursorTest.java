package io.testtrack.testcase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    private final Cursor byTitle = new Cursor(CaseSort.TITLE, true, List.of("checkout", "5f0c8c1e-8d0a-4f6e-9b8e-2d7a1f3c4b5a"), 1234, false);

    @Test
    void comesBackAsItWasHandedOut() {
        String text = byTitle.encode();

        assertFalse(text.contains("=") || text.contains("+") || text.contains("/"), "safe in a URL as it is: " + text);
        assertEquals(byTitle, Cursor.decode(text, CaseSort.TITLE, true));
    }

    @Test
    void isRefusedForAnotherSortOrDirection() {
        String text = byTitle.encode();

        assertEquals("belongs to another sort or is damaged; start again without it",
                assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text, CaseSort.UPDATED, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text, CaseSort.TITLE, false));
    }

    @Test
    void isRefusedWhenNotOneOfOurs() {
        assertEquals("is not a cursor this service handed out",
                assertThrows(IllegalArgumentException.class, () -> Cursor.decode("not base64!", CaseSort.KEY, false)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(encoded("[1,2]"), CaseSort.KEY, false));
    }

    @Test
    void isRefusedWhenTamperedWith() {
        String missingValue = encoded("{\"sort\":\"TITLE\",\"descending\":true,\"values\":[\"checkout\"],\"total\":3,\"totalCapped\":false}");
        String nullValue = encoded("{\"sort\":\"KEY\",\"descending\":false,\"values\":[null],\"total\":3,\"totalCapped\":false}");
        String negativeTotal = encoded("{\"sort\":\"KEY\",\"descending\":false,\"values\":[\"7\"],\"total\":-1,\"totalCapped\":false}");

        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(missingValue, CaseSort.TITLE, true));
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(nullValue, CaseSort.KEY, false));
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(negativeTotal, CaseSort.KEY, false));
        assertEquals("7", Cursor.decode(encoded("{\"sort\":\"KEY\",\"descending\":false,\"values\":[\"7\"],\"total\":3,"
                + "\"totalCapped\":false}"), CaseSort.KEY, false).values().get(0));
    }

    private static String encoded(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
