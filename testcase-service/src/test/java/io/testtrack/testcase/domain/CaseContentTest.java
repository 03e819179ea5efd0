package io.testtrack.testcase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseContentTest {

    private static final List<String> EVERY_FIELD = List.of("title", "description", "preconditions", "type", "priority",
            "status", "tags", "estimateMinutes", "suiteId", "automationKey", "steps", "customFields");

    private final CaseContent checkout = new CaseContent("Checkout", "Pay for the cart", null, CaseType.FUNCTIONAL,
            Priority.MEDIUM, CaseStatus.DRAFT, List.of("smoke"), 5, null, "shop.CheckoutTest#pays",
            List.of(StepItem.own("pay", "paid", null)), Map.of("component", "cart"));

    @Test
    void aFirstVersionChangesEveryField() {
        assertEquals(EVERY_FIELD, checkout.changesFrom(null));
    }

    @Test
    void theSameContentChangesNothingEvenFromEqualCopies() {
        CaseContent copy = new CaseContent("Checkout", "Pay for the cart", null, CaseType.FUNCTIONAL, Priority.MEDIUM,
                CaseStatus.DRAFT, List.of("smoke"), 5, null, "shop.CheckoutTest#pays", List.of(StepItem.own("pay", "paid", null)),
                Map.of("component", "cart"));

        assertEquals(List.of(), copy.changesFrom(checkout));
    }

    @Test
    void namesTheChangedFieldsInTheirFixedOrder() {
        CaseContent edited = checkout.withTags(List.of("smoke", "payments")).withPriority(Priority.HIGH)
                .withSteps(List.of(StepItem.own("pay", "paid", null), StepItem.own("see the receipt", null, null)))
                .withSuite(UUID.randomUUID());

        assertEquals(List.of("priority", "tags", "suiteId", "steps"), edited.changesFrom(checkout));
        assertEquals(List.of("status"), checkout.withStatus(CaseStatus.READY).changesFrom(checkout));
    }

    @Test
    void absentListsAndFieldsAreEmptyNotNull() {
        CaseContent bare = new CaseContent("Bare", null, null, CaseType.FUNCTIONAL, Priority.LOW, CaseStatus.DRAFT, null, null,
                null, null, null, null);

        assertEquals(List.of(), bare.tags());
        assertEquals(List.of(), bare.steps());
        assertEquals(Map.of(), bare.customFields());
        assertEquals(List.of("title", "description", "priority", "tags", "estimateMinutes", "automationKey", "steps", "customFields"),
                bare.changesFrom(checkout));
    }

    @Test
    void aCloneKeepsTheContentButNotTheAutomationKey() {
        UUID suite = UUID.randomUUID();

        CaseContent clone = checkout.asClone("Checkout again", suite);

        assertEquals(List.of("title", "suiteId", "automationKey"), clone.changesFrom(checkout));
    }
}
