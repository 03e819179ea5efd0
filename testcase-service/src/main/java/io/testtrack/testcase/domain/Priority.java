package io.testtrack.testcase.domain;

/** How much a case matters; searches sort CRITICAL first. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW
}
