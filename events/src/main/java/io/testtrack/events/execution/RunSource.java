package io.testtrack.events.execution;

/** How a run came to be. */
public enum RunSource {
    MANUAL, IMPORT, RERUN
}
