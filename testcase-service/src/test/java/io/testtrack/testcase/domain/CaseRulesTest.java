package io.testtrack.testcase.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaseRulesTest {

    @Test
    void aTitleHasOneToTheLimitsCharactersNotAllBlank() {
        assertTrue(CaseRules.isTitle("x"));
        assertTrue(CaseRules.isTitle("x".repeat(Limits.TITLE)));
        assertFalse(CaseRules.isTitle("x".repeat(Limits.TITLE + 1)));
        assertFalse(CaseRules.isTitle(" \t"));
        assertFalse(CaseRules.isTitle(""));
        assertFalse(CaseRules.isTitle(null));
    }

    @Test
    void anAutomationKeyHasOneToTheLimitsCharacters() {
        assertTrue(CaseRules.isAutomationKey("shop.CheckoutTest#pays"));
        assertTrue(CaseRules.isAutomationKey("k".repeat(Limits.AUTOMATION_KEY)));
        assertFalse(CaseRules.isAutomationKey("k".repeat(Limits.AUTOMATION_KEY + 1)));
        assertFalse(CaseRules.isAutomationKey(""));
        assertFalse(CaseRules.isAutomationKey(null));
    }

    @Test
    void theAnnotationsApplyTheSameRulesAndLeaveAbsenceToNotNull() {
        CaseTitle.Validator title = new CaseTitle.Validator();
        AutomationKey.Validator key = new AutomationKey.Validator();

        assertTrue(title.isValid(null, null));
        assertFalse(title.isValid("  ", null));
        assertFalse(title.isValid("x".repeat(Limits.TITLE + 1), null));
        assertTrue(key.isValid(null, null));
        assertFalse(key.isValid("", null));
        assertFalse(key.isValid("k".repeat(Limits.AUTOMATION_KEY + 1), null));
    }
}
