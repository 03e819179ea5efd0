package io.testtrack.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsASaneIdFromTheClient() {
        assertEquals("ci-run_42:step.7", RequestIds.acceptOrCreate("ci-run_42:step.7"));
        assertEquals("x".repeat(128), RequestIds.acceptOrCreate("x".repeat(128)));
    }

    @Test
    void replacesAnythingThatCouldForgeALogLine() {
        for (String bad : new String[] {null, "", "two words", "line\nbreak", "{\"json\":1}", "x".repeat(129)}) {
            String id = RequestIds.acceptOrCreate(bad);
            assertNotEquals(bad, id);
            assertEquals(id, UUID.fromString(id).toString(), "a fresh UUID");
        }
        assertTrue(RequestIds.HEADER.equalsIgnoreCase("x-request-id"));
    }
}
