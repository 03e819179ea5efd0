package io.testtrack.testcase.domain;

/** Whether a case is ready to be run. */
public enum CaseStatus {
    DRAFT, READY, DEPRECATED
}
