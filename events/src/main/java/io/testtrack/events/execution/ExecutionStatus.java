package io.testtrack.events.execution;

/** The status of one execution of a test case in a run. */
public enum ExecutionStatus {
    NOT_RUN, IN_PROGRESS, PASSED, FAILED, BLOCKED, SKIPPED, RETEST
}
