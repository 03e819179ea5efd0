package io.testtrack.events;

/** Kafka topic names: one topic per aggregate family, keyed by aggregate id. */
public final class Topics {
    public static final String ACCESS = "testtrack.access.v1";
    public static final String TESTCASE = "testtrack.testcase.v1";
    public static final String EXECUTION = "testtrack.execution.v1";
    public static final String DEFECT = "testtrack.defect.v1";
    /** What administrators did outside auth-service, for its audit log. */
    public static final String AUDIT = "testtrack.audit.v1";

    private Topics() {
    }
}
