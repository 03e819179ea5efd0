package io.testtrack.defect.domain;

/** How soon a defect should be dealt with, P0 first. */
public enum Priority {
    P0, P1, P2, P3, P4
}
