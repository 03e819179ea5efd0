package io.testtrack.testcase.domain;

/**
 * The rules of a case's title and automation key, once: the API checks them through
 * {@link CaseTitle} and {@link AutomationKey}, the CSV import and the discovery of automated
 * tests call them directly.
 */
public final class CaseRules {

    public static final String TITLE_RULE = "must be 1-" + Limits.TITLE + " characters, not all blank";
    public static final String AUTOMATION_KEY_RULE = "must be 1-" + Limits.AUTOMATION_KEY + " characters";

    private CaseRules() {
    }

    public static boolean isTitle(String title) {
        return title != null && !title.isBlank() && title.length() <= Limits.TITLE;
    }

    /** Blank is not a key; where a blank key means "none", the caller decides so before asking. */
    public static boolean isAutomationKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= Limits.AUTOMATION_KEY;
    }
}
