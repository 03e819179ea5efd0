package io.testtrack.execution.domain;

import java.util.UUID;

/**
 * One case (per configuration) of two runs side by side: its status in run A and in run B (null
 * where it was not in that run), and the change: FIXED, REGRESSED, CHANGED, UNCHANGED, ADDED or REMOVED.
 */
public record ComparedCase(UUID testCaseId, String caseKey, String automationKey, String title, String configuration, String statusA,
        String statusB, String change) {
}
