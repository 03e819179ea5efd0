package io.testtrack.events;

/** A user's role across the platform. */
public enum GlobalRole {
    ADMIN, TESTER, DEVELOPER
}
