package io.testtrack.testcase.domain;

/** What kind of testing a case does. */
public enum CaseType {
    FUNCTIONAL, REGRESSION, SMOKE, INTEGRATION, PERFORMANCE, SECURITY, USABILITY, OTHER
}
