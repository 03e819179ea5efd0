package io.testtrack.events;

/** A member's role inside one project. */
public enum ProjectRole {
    LEAD, TESTER, DEVELOPER, VIEWER
}
