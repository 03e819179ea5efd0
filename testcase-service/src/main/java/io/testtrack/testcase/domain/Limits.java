package io.testtrack.testcase.domain;

/** Sizes a test case's fields may have; the API, the CSV import and the domain check the same numbers. */
public final class Limits {

    public static final int TITLE = 500;
    public static final int TEXT = 20_000;
    public static final int AUTOMATION_KEY = 1_000;
    public static final int ESTIMATE_MINUTES = 100_000;
    public static final int IMPORT_ROWS = 50_000;
    public static final int BULK_IDS = 1_000;

    private Limits() {
    }
}
