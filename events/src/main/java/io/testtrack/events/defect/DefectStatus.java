package io.testtrack.events.defect;

/** The states of the defect workflow (DESIGN.md). */
public enum DefectStatus {
    NEW, ASSIGNED, IN_PROGRESS, FIXED, AWAITING_VERIFICATION, VERIFIED_FIXED, CLOSED, REOPENED
}
