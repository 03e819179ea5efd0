package io.testtrack.defect.api;

import io.testtrack.defect.domain.Comment;
import io.testtrack.defect.domain.Defect;
import io.testtrack.defect.domain.DefectInput;
import io.testtrack.defect.domain.HistoryEntry;
import io.testtrack.defect.domain.Priority;
import io.testtrack.defect.domain.Reproducibility;
import io.testtrack.defect.domain.Resolution;
import io.testtrack.defect.domain.StepAttachment;
import io.testtrack.defect.domain.Transition;
import io.testtrack.defect.domain.Workflow;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of /api/bugs. */
public final class DefectDtos {

    static final int TITLE = 300;
    static final int TEXT = 50_000;
    static final int SHORT = 200;

    private DefectDtos() {
    }

    /**
     * A defect as a create or an edit sends it. A create names its project, or the failed step
     * {@code stepIndex} of {@code executionId} it is filed from (and prefilled with); an edit names
     * the {@code version} it was made against and changes the fields given.
     */
    public record DefectBody(
            UUID projectId,
            UUID executionId,
            @Min(1) Integer stepIndex,
            Integer version,
            @Size(max = TITLE) String title,
            @Size(max = TEXT) String description,
            @Size(max = TEXT) String stepsToReproduce,
            @Size(max = TEXT) String expectedResult,
            @Size(max = TEXT) String actualResult,
            Severity severity,
            Priority priority,
            Reproducibility reproducibility,
            @Size(max = SHORT) String environment,
            @Size(max = SHORT) String build,
            @Size(max = 30) List<@NotBlank @Size(max = 50) String> tags,
            UUID assigneeId,
            @Size(max = 50) List<@NotNull UUID> watchers,
            @Size(max = 50) Map<String, Object> customFields) {

        DefectInput input() {
            return new DefectInput(title, description, stepsToReproduce, expectedResult, actualResult, severity, priority, reproducibility,
                    environment, build, tags, assigneeId, watchers, customFields);
        }
    }

    public record FixNote(@Size(max = TEXT) String rootCause, @Size(max = TEXT) String summary, @Size(max = 2_000) String link) {
    }

    public record TransitionBody(
            @NotNull DefectStatus to,
            @NotNull Integer version,
            UUID assigneeId,
            Resolution resolution,
            UUID duplicateOf,
            @Valid FixNote fix,
            @Size(max = Comment.MAX_LENGTH) String comment) {

        Transition transition() {
            return new Transition(to, version, assigneeId, resolution, duplicateOf,
                    fix == null ? null : new Transition.Fix(fix.rootCause(), fix.summary(), fix.link()), comment);
        }
    }

    public record CommentBody(@NotBlank @Size(max = Comment.MAX_LENGTH) String body) {
    }

    public record FixView(String rootCause, String summary, String link) {
    }

    public record DefectView(UUID id, UUID projectId, String key, String title, String description, String stepsToReproduce,
            String expectedResult, String actualResult, Severity severity, Priority priority, Reproducibility reproducibility,
            String environment, String build, List<String> tags, Map<String, Object> customFields, UUID reporterId, UUID assigneeId,
            List<UUID> watchers, DefectStatus status, Resolution resolution, UUID duplicateOf, FixView fix, UUID executionId, UUID runId,
            Integer stepIndex, List<StepAttachment> stepAttachments, UUID testCaseId, String caseKey, Integer caseVersion,
            UUID retestExecutionId, String githubUrl, Instant createdAt, Instant updatedAt, UUID updatedBy, int version) {

        public static DefectView of(Defect d) {
            return new DefectView(d.id, d.projectId, d.key, d.title, d.description, d.stepsToReproduce, d.expectedResult, d.actualResult,
                    d.severity, d.priority, d.reproducibility, d.environment, d.build, d.tags, d.customFields, d.reporterId, d.assigneeId,
                    d.watchers, d.status, d.resolution, d.duplicateOf,
                    d.fixSummary == null ? null : new FixView(d.fixRootCause, d.fixSummary, d.fixLink), d.executionId, d.runId,
                    d.stepIndex, d.stepAttachments, d.testCaseId, d.caseKey, d.caseVersion, d.retestExecutionId, d.githubUrl, d.createdAt,
                    d.updatedAt, d.updatedBy, d.version);
        }
    }

    /** One change; {@code actorId} null and {@code causeExecutionId} set for a move the platform made after a re-test. */
    public record HistoryView(Instant at, UUID actorId, UUID causeExecutionId, String field, String from, String to) {
        static HistoryView of(HistoryEntry e) {
            return new HistoryView(e.at, e.actorId, e.causeExecutionId, e.field, e.oldValue, e.newValue);
        }
    }

    public record CommentView(UUID id, UUID authorId, String body, List<UUID> mentions, Instant createdAt, Instant editedAt) {
        static CommentView of(Comment c) {
            return new CommentView(c.id, c.authorId, c.body, c.mentions, c.createdAt, c.editedAt);
        }
    }

    /** A move the caller may make now and what its request needs. */
    public record MoveView(DefectStatus to, List<Workflow.Need> needs, List<Resolution> resolutions) {
        static MoveView of(Workflow.Move m) {
            return new MoveView(m.to(), m.needs().stream().sorted().toList(),
                    m.needs().contains(Workflow.Need.RESOLUTION) ? Workflow.WITHOUT_FIX.stream().sorted().toList() : List.of());
        }
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }
}
