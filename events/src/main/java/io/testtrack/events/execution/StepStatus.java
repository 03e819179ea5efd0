package io.testtrack.events.execution;

/** The result of one step. */
public enum StepStatus {
    PASS, FAIL, BLOCKED, SKIPPED
}
