package io.testtrack.events.defect;

/** The states of the defect workflow (docs/architecture.md, "Defects"). */
public enum DefectStatus {
    NEW, ASSIGNED, IN_PROGRESS, FIXED, AWAITING_VERIFICATION, VERIFIED_FIXED, CLOSED, REOPENED
}
