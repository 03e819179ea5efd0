package io.testtrack.execution.domain;

import java.util.List;

/** An execution with the results of its steps. */
public record ExecutionDetails(Execution execution, List<StepResult> steps) {
}
