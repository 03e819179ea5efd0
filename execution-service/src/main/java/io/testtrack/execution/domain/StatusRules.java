package io.testtrack.execution.domain;

import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.StepStatus;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The status rules (docs/architecture.md): an execution's status from its steps' results, and when a run is done. */
public final class StatusRules {

    /** Statuses that leave an execution to be worked on; a run with none of them left is complete. */
    public static final Set<ExecutionStatus> OPEN = EnumSet.of(ExecutionStatus.NOT_RUN, ExecutionStatus.IN_PROGRESS,
            ExecutionStatus.RETEST);

    private StatusRules() {
    }

    /**
     * Any FAIL: FAILED; else any BLOCKED: BLOCKED; else every step recorded: PASSED (SKIPPED when
     * every step was skipped); else some recorded: IN_PROGRESS; none: NOT_RUN.
     */
    public static ExecutionStatus derive(int stepCount, Collection<StepStatus> recorded) {
        if (recorded.contains(StepStatus.FAIL)) {
            return ExecutionStatus.FAILED;
        }
        if (recorded.contains(StepStatus.BLOCKED)) {
            return ExecutionStatus.BLOCKED;
        }
        if (recorded.isEmpty()) {
            return ExecutionStatus.NOT_RUN;
        }
        if (recorded.size() >= stepCount) {
            return recorded.stream().allMatch(s -> s == StepStatus.SKIPPED) ? ExecutionStatus.SKIPPED : ExecutionStatus.PASSED;
        }
        return ExecutionStatus.IN_PROGRESS;
    }

    public static boolean isOpen(ExecutionStatus status) {
        return OPEN.contains(status);
    }
}
