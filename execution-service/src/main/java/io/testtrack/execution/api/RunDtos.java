package io.testtrack.execution.api;

import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.RunSource;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.execution.domain.Execution;
import io.testtrack.execution.domain.ExecutionDetails;
import io.testtrack.execution.domain.Run;
import io.testtrack.execution.domain.RunWithCounts;
import io.testtrack.execution.domain.StepResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of /api/runs and /api/executions. */
public final class RunDtos {

    private RunDtos() {
    }

    /** Which cases: any of caseIds or suiteIds (neither: the whole project), narrowed by all tags and any priority or type. */
    public record Selection(@Size(max = 20_000) List<@NotNull UUID> caseIds, @Size(max = 500) List<@NotNull UUID> suiteIds,
            @Size(max = 30) List<@NotNull String> tags, List<@NotNull String> priorities, List<@NotNull String> types) {
    }

    /** {@code configurations} as labels, or {@code matrix} (browser × OS, say) whose product makes the labels. */
    public record CreateRun(@NotNull UUID projectId, @NotBlank @Size(max = 200) String name, @Size(max = 10_000) String description,
            @Size(max = 100) String environment, @Size(max = 200) String buildVersion, @Size(max = 200) String milestone,
            @Valid Selection selection, @Size(max = 50) List<@NotBlank @Size(max = 200) String> configurations,
            @Size(max = 5) Map<@NotBlank String, @NotNull @Size(min = 1, max = 20) List<@NotBlank String>> matrix,
            @Size(max = 200) List<@NotNull UUID> assignees) {
    }

    public record Rerun(@Size(min = 1, max = 200) String name) {
    }

    public record RunView(UUID id, UUID projectId, String name, String description, String environment, String buildVersion,
            String milestone, RunSource origin, UUID sourceRunId, Run.Status status, List<String> configurations, UUID createdBy,
            Instant createdAt, Instant startedAt, Instant completedAt, Map<ExecutionStatus, Integer> counts) {
        static RunView of(Run r, Map<ExecutionStatus, Integer> counts) {
            return new RunView(r.id, r.projectId, r.name, r.description, r.environment, r.buildVersion, r.milestone, r.origin,
                    r.sourceRunId, r.status, r.configurations, r.createdBy, r.createdAt, r.startedAt, r.completedAt, counts);
        }

        static RunView of(RunWithCounts run) {
            return of(run.run(), run.counts());
        }
    }

    public record ExecutionSummary(UUID id, UUID runId, int position, UUID testCaseId, String caseKey, String automationKey,
            String title, String configuration, UUID assignee, ExecutionStatus status, String outcome, int attempts, boolean flaky,
            Long durationMs, int version, Instant updatedAt) {
        static ExecutionSummary of(Execution e) {
            return new ExecutionSummary(e.id, e.runId, e.position, e.testCaseId, e.caseKey, e.automationKey, e.title, e.configuration,
                    e.assignee, e.status, e.outcome, e.attempts, e.flaky, e.durationMs, e.version, e.updatedAt);
        }
    }

    public record StepView(int index, String action, String expectedResult, String testData, StepStatus status, String actualResult,
            String comment, UUID recordedBy, Instant recordedAt) {
    }

    public record ExecutionView(UUID id, UUID runId, UUID projectId, int position, UUID testCaseId, String caseKey, Integer caseVersion,
            String automationKey, String title, String configuration, UUID assignee, ExecutionStatus status, boolean statusSetByHand,
            String outcome, int attempts, boolean flaky, Long durationMs, String message, String details, String systemOut,
            String systemErr, long timeSpentMs, Instant timerStartedAt, List<StepView> steps, int version, UUID updatedBy,
            Instant updatedAt) {
        static ExecutionView of(ExecutionDetails details) {
            Execution e = details.execution();
            Map<Integer, StepResult> byIndex = details.steps().stream()
                    .collect(java.util.stream.Collectors.toMap(r -> r.stepIndex, r -> r));
            List<StepView> steps = e.steps.stream().map((TestCaseSnapshot.Step s) -> {
                StepResult r = byIndex.get(s.index());
                return new StepView(s.index(), s.action(), s.expectedResult(), s.testData(), r == null ? null : r.status,
                        r == null ? null : r.actualResult, r == null ? null : r.comment, r == null ? null : r.recordedBy,
                        r == null ? null : r.recordedAt);
            }).toList();
            return new ExecutionView(e.id, e.runId, e.projectId, e.position, e.testCaseId, e.caseKey, e.caseVersion, e.automationKey,
                    e.title, e.configuration, e.assignee, e.status, e.statusSet, e.outcome, e.attempts, e.flaky, e.durationMs, e.message,
                    e.details, e.systemOut, e.systemErr, e.timeSpentMs, e.timerStartedAt, steps, e.version, e.updatedBy, e.updatedAt);
        }
    }

    public record RecordStep(@NotNull StepStatus status, @Size(max = 10_000) String actualResult, @Size(max = 10_000) String comment) {
    }

    public record SetStatus(@NotNull ExecutionStatus status, Integer version) {
    }

    public record Assign(UUID assignee) {
    }

    public record Environments(@NotNull @Size(max = 50) List<@NotNull String> names) {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }
}
