package io.testtrack.defect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubRulesTest {

    @Test
    void aSignatureIsTheHmacOfTheExactBody() {
        byte[] body = "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
        // As GitHub's documentation computes it for secret "It's a Secret to Everybody" and body "Hello, World!".
        assertEquals("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                WebhookSignature.sign("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)));
        String good = WebhookSignature.sign("s3cret", body);
        assertTrue(WebhookSignature.matches("s3cret", body, good));
        assertFalse(WebhookSignature.matches("other", body, good));
        assertFalse(WebhookSignature.matches("s3cret", "{}".getBytes(StandardCharsets.UTF_8), good));
        assertFalse(WebhookSignature.matches("s3cret", body, null));
        assertFalse(WebhookSignature.matches("s3cret", body, good.replace("sha256=", "sha1=")));
        assertFalse(WebhookSignature.matches("s3cret", body, good.toUpperCase()));
    }

    @Test
    void fixesNameOnlyThisProjectsDefects() {
        assertEquals(List.of("SHOP-B12", "SHOP-B3", "SHOP-B4"), List.copyOf(FixReferences.in(
                "Reload the BIN table\n\nFixes SHOP-B12, closes: shop-b3 and resolved SHOP-B4; fixes OTHER-B1; see SHOP-B5", "SHOP")));
        assertTrue(FixReferences.in("prefixes SHOP-B1 and SHOP-B12x, fixes SHOP-B", "SHOP").isEmpty());
        assertTrue(FixReferences.in(null, "SHOP").isEmpty());
    }
}
