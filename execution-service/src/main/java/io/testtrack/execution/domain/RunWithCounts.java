package io.testtrack.execution.domain;

import io.testtrack.events.execution.ExecutionStatus;
import java.util.Map;

/** A run with how many of its executions are in each status. */
public record RunWithCounts(Run run, Map<ExecutionStatus, Integer> counts) {
}
