package io.testtrack.events.defect;

/** How badly a defect hurts. */
public enum Severity {
    BLOCKER, CRITICAL, MAJOR, MINOR, TRIVIAL
}
