package io.testtrack.defect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void findsHandlesAndEmailsButNotAddressesInTextOrCode() {
        Set<String> handles = Mentions.handles("@Ada please look, cc @bob@example.com. Mail carol@example.com; `@dave` and\n"
                + "```\n@eve\n```\n(@frank)");
        assertEquals(List.of("ada", "bob@example.com", "frank"), List.copyOf(handles));
    }

    @Test
    void aHandleNamesTheUserWhoseEmailStartsWithIt() {
        assertTrue(Mentions.names("ada", "Ada@Example.com"));
        assertTrue(Mentions.names("ada@example.com", "ada@example.com"));
        assertFalse(Mentions.names("ad", "ada@example.com"));
        assertFalse(Mentions.names("ada@other.org", "ada@example.com"));
    }
}
