package io.testtrack.events.execution;

/** How many executions of a run ended in each status. */
public record StatusCounts(int total, int passed, int failed, int blocked, int skipped, int notRun, int retest) {
}
