package io.testtrack.execution.domain;

import static io.testtrack.events.execution.StepStatus.BLOCKED;
import static io.testtrack.events.execution.StepStatus.FAIL;
import static io.testtrack.events.execution.StepStatus.PASS;
import static io.testtrack.events.execution.StepStatus.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.testtrack.events.execution.ExecutionStatus;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    @Test
    void anyFailureFailsTheExecutionWhateverElseWasRecorded() {
        assertEquals(ExecutionStatus.FAILED, StatusRules.derive(3, List.of(PASS, BLOCKED, FAIL)));
        assertEquals(ExecutionStatus.FAILED, StatusRules.derive(5, List.of(FAIL)));
    }

    @Test
    void elseAnyBlockedStepBlocksIt() {
        assertEquals(ExecutionStatus.BLOCKED, StatusRules.derive(3, List.of(PASS, BLOCKED, SKIPPED)));
        assertEquals(ExecutionStatus.BLOCKED, StatusRules.derive(4, List.of(BLOCKED)));
    }

    @Test
    void everyStepRecordedPassesItOrSkipsItWhenEveryStepWasSkipped() {
        assertEquals(ExecutionStatus.PASSED, StatusRules.derive(3, List.of(PASS, SKIPPED, PASS)));
        assertEquals(ExecutionStatus.PASSED, StatusRules.derive(1, List.of(PASS)));
        assertEquals(ExecutionStatus.SKIPPED, StatusRules.derive(2, List.of(SKIPPED, SKIPPED)));
    }

    @Test
    void someStepsRecordedIsInProgressAndNoneIsNotRun() {
        assertEquals(ExecutionStatus.IN_PROGRESS, StatusRules.derive(3, List.of(PASS, PASS)));
        assertEquals(ExecutionStatus.IN_PROGRESS, StatusRules.derive(3, List.of(SKIPPED)));
        assertEquals(ExecutionStatus.NOT_RUN, StatusRules.derive(3, List.of()));
        assertEquals(ExecutionStatus.NOT_RUN, StatusRules.derive(0, List.of()));
    }

    @Test
    void aRunIsCompleteWhenNoExecutionIsLeftToWorkOn() {
        EnumSet<ExecutionStatus> open = EnumSet.of(ExecutionStatus.NOT_RUN, ExecutionStatus.IN_PROGRESS, ExecutionStatus.RETEST);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            assertEquals(open.contains(status), StatusRules.isOpen(status), status.name());
        }
        assertTrue(StatusRules.isOpen(ExecutionStatus.RETEST));
        assertFalse(StatusRules.isOpen(ExecutionStatus.SKIPPED));
    }
}
