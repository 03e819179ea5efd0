package io.testtrack.defect.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.Comment;
import io.testtrack.defect.domain.Defect;
import io.testtrack.defect.domain.HistoryEntry;
import io.testtrack.defect.domain.Resolution;
import io.testtrack.defect.domain.Transition;
import io.testtrack.defect.domain.Workflow;
import io.testtrack.defect.repository.CommentRepository;
import io.testtrack.defect.repository.DefectRepository;
import io.testtrack.defect.repository.HistoryRepository;
import io.testtrack.events.defect.DefectAssigned;
import io.testtrack.events.defect.DefectRetestRequested;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.DefectStatusChanged;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.ExecutionStatusChanged;
import io.testtrack.events.execution.RetestExecutionCreated;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Moves of a defect through the workflow: by people, as {@link Workflow} allows them, and by the
 * platform itself when the re-test of a fix is created (FIXED → AWAITING_VERIFICATION) and when it
 * passes (→ VERIFIED_FIXED) or fails (→ REOPENED).
 */
@ApplicationScoped
public class WorkflowService {

    private final DefectRepository defects;
    private final HistoryRepository history;
    private final CommentRepository comments;
    private final DefectAccess defectAccess;
    private final Outbox outbox;

    public WorkflowService(DefectRepository defects, HistoryRepository history, CommentRepository comments, DefectAccess defectAccess,
            Outbox outbox) {
        this.defects = defects;
        this.history = history;
        this.comments = comments;
        this.defectAccess = defectAccess;
        this.outbox = outbox;
    }

    /** The moves the caller may make now. */
    public Uni<List<Workflow.Move>> allowed(Principal principal, UUID id) {
        return Panache.withSession(() -> defectAccess.find(principal, id, Permission.READ, false)
                .map(f -> Workflow.allowed(f.defect().status, f.role(), principal.actorId().equals(f.defect().assigneeId))));
    }

    public Uni<Defect> transition(Principal principal, UUID id, Transition t) {
        UUID by = principal.actorId();
        return Panache.withTransaction(() -> defectAccess.find(principal, id, Permission.READ, true).chain(found -> {
            Defect d = found.defect();
            if (d.version != t.version()) {
                throw new StaleVersionException("The defect", t.version(), d.version);
            }
            Workflow.Move move = Workflow.check(d.status, t.to(), found.role(), by.equals(d.assigneeId));
            return needs(d, move, t).chain(() -> {
                Instant now = Instant.now();
                List<HistoryEntry> entries = new ArrayList<>();
                UUID previousAssignee = d.assigneeId;
                if (move.to() == DefectStatus.ASSIGNED && t.assigneeId() != null && !t.assigneeId().equals(d.assigneeId)) {
                    entries.add(HistoryEntry.of(d.id, by, null, now, "assignee", d.assigneeId, t.assigneeId()));
                    d.assigneeId = t.assigneeId();
                }
                if (move.needs().contains(Workflow.Need.FIX)) {
                    entries.add(HistoryEntry.of(d.id, by, null, now, "fix", null,
                            t.fix().summary() + (t.fix().link() == null ? "" : " (" + t.fix().link() + ")")));
                    d.fixRootCause = t.fix().rootCause().trim();
                    d.fixSummary = t.fix().summary().trim();
                    d.fixLink = blankToNull(t.fix().link());
                }
                if (move.needs().contains(Workflow.Need.RESOLUTION) && t.duplicateOf() != null) {
                    entries.add(HistoryEntry.of(d.id, by, null, now, "duplicateOf", d.duplicateOf, t.duplicateOf()));
                    d.duplicateOf = t.duplicateOf();
                }
                Resolution resolution = move.needs().contains(Workflow.Need.RESOLUTION) ? t.resolution()
                        : move.to() == DefectStatus.CLOSED ? Resolution.FIXED : null;
                Uni<Void> commented = Uni.createFrom().voidItem();
                if (t.comment() != null && !t.comment().isBlank()) {
                    Comment c = new Comment();
                    c.id = UUID.randomUUID();
                    c.defectId = d.id;
                    c.authorId = by;
                    c.body = t.comment();
                    c.mentions = List.of();
                    c.createdAt = now;
                    commented = comments.persist(c).replaceWithVoid();
                }
                return commented.chain(() -> move(d, move.to(), resolution, by, null, t.comment(), now, entries))
                        .chain(() -> Objects.equals(previousAssignee, d.assigneeId) ? Uni.createFrom().voidItem()
                                : outbox.record(new DefectAssigned(d.id, d.projectId, previousAssignee, d.assigneeId, by)).replaceWithVoid())
                        .replaceWith(d);
            });
        }));
    }

    /** execution-service created the re-test this service asked for: the fix awaits its verification. In the consumer's transaction. */
    public Uni<Void> retestCreated(RetestExecutionCreated e) {
        return defects.lock(e.defectId()).chain(d -> {
            if (d == null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            List<HistoryEntry> entries = new ArrayList<>();
            entries.add(HistoryEntry.of(d.id, null, e.executionId(), now, "retestExecution", d.retestExecutionId, e.executionId()));
            d.retestExecutionId = e.executionId();
            if (d.status != DefectStatus.FIXED) {
                Log.infof("the re-test %s of %s was created while the defect is %s; it stays so", e.executionId(), d.key, d.status);
                d.version++;
                d.updatedAt = now;
                return history.persist(entries).replaceWithVoid();
            }
            return move(d, DefectStatus.AWAITING_VERIFICATION, null, null, e.executionId(),
                    "Re-test requested: execution " + e.executionId(), now, entries);
        });
    }

    /** The re-test of a fix ended: PASSED verifies the fix, FAILED reopens the defect. In the consumer's transaction. */
    public Uni<Void> retestEnded(ExecutionStatusChanged e) {
        DefectStatus to = e.status() == ExecutionStatus.PASSED ? DefectStatus.VERIFIED_FIXED
                : e.status() == ExecutionStatus.FAILED ? DefectStatus.REOPENED : null;
        if (to == null) {
            return Uni.createFrom().voidItem();
        }
        return defects.lockByRetest(e.executionId()).chain(d -> {
            if (d == null || d.status != DefectStatus.AWAITING_VERIFICATION) {
                return Uni.createFrom().voidItem();
            }
            return move(d, to, null, null, e.executionId(), "Re-test execution " + e.executionId() + " " + e.status(), Instant.now(),
                    new ArrayList<>());
        });
    }

    /**
     * A change pushed or merged on GitHub says it fixes the defect: an ASSIGNED or IN_PROGRESS
     * defect moves to FIXED by the platform, with the change as its fix note and a comment linking
     * it. Answers whether it moved. In the caller's transaction, the defect locked.
     */
    public Uni<Boolean> fixedByChange(Defect d, String summary, String link) {
        if (d.status != DefectStatus.ASSIGNED && d.status != DefectStatus.IN_PROGRESS) {
            return Uni.createFrom().item(false);
        }
        Instant now = Instant.now();
        String firstLine = summary.strip().lines().findFirst().orElse("").strip();
        d.fixRootCause = "Stated in the change: " + link;
        d.fixSummary = firstLine.isEmpty() ? link : firstLine;
        d.fixLink = link;
        List<HistoryEntry> entries = new ArrayList<>();
        entries.add(HistoryEntry.of(d.id, null, null, now, "fix", null, d.fixSummary + " (" + link + ")"));
        Comment c = new Comment();
        c.id = UUID.randomUUID();
        c.defectId = d.id;
        c.body = "Fixed by " + link;
        c.mentions = List.of();
        c.createdAt = now;
        return comments.persist(c).chain(() -> move(d, DefectStatus.FIXED, null, null, null, c.body, now, entries)).replaceWith(true);
    }

    /** Changes the status; {@code by} is null for a move the platform made, {@code cause} the execution that caused it. */
    private Uni<Void> move(Defect d, DefectStatus to, Resolution resolution, UUID by, UUID cause, String comment, Instant now,
            List<HistoryEntry> entries) {
        DefectStatus from = d.status;
        entries.add(HistoryEntry.of(d.id, by, cause, now, "status", from, to));
        if (!Objects.equals(d.resolution, resolution)) {
            entries.add(HistoryEntry.of(d.id, by, cause, now, "resolution", d.resolution, resolution));
            d.resolution = resolution;
        }
        d.status = to;
        d.updatedAt = now;
        d.updatedBy = by;
        d.version++;
        Uni<Void> written = history.persist(entries)
                .chain(() -> outbox.record(new DefectStatusChanged(d.id, d.projectId, from, to, by, comment))).replaceWithVoid();
        if (to == DefectStatus.FIXED && d.executionId != null && d.testCaseId != null) {
            written = written.chain(() -> outbox.record(new DefectRetestRequested(d.id, d.projectId, d.key, "Re-test " + d.key + ": " + d.title,
                    d.executionId, d.testCaseId, d.caseVersion, d.reporterId, by)).replaceWithVoid());
        }
        return written;
    }

    /** What the move needs from the request, checked before anything changes. */
    private Uni<Void> needs(Defect d, Workflow.Move move, Transition t) {
        if (!move.needs().contains(Workflow.Need.RESOLUTION) && (t.resolution() != null || t.duplicateOf() != null)) {
            throw new InvalidFieldsException("resolution", "is only given when closing a defect without a fix");
        }
        if (move.needs().contains(Workflow.Need.FIX)) {
            if (t.fix() == null || isBlank(t.fix().rootCause()) || isBlank(t.fix().summary())) {
                throw new InvalidFieldsException("fix", "a fix note with rootCause and summary (and a commit or PR link) is required");
            }
            if (t.fix().link() != null && !t.fix().link().isBlank() && !t.fix().link().matches("https?://\\S+")) {
                throw new InvalidFieldsException("fix.link", "must be an http(s) URL");
            }
        }
        if (move.needs().contains(Workflow.Need.RESOLUTION)) {
            if (t.resolution() == null || !Workflow.WITHOUT_FIX.contains(t.resolution())) {
                throw new InvalidFieldsException("resolution", "must be one of " + Workflow.WITHOUT_FIX.stream().sorted().toList());
            }
            if (t.resolution() == Resolution.DUPLICATE) {
                return duplicateTarget(d, t.duplicateOf());
            }
            if (t.duplicateOf() != null) {
                throw new InvalidFieldsException("duplicateOf", "is only given with the resolution DUPLICATE");
            }
        }
        if (move.to() == DefectStatus.ASSIGNED) {
            UUID assignee = t.assigneeId() != null ? t.assigneeId() : d.assigneeId;
            if (assignee == null) {
                throw new InvalidFieldsException("assigneeId", "is required to assign the defect");
            }
            return defectAccess.requireAssignable(d.projectId, assignee, "assigneeId");
        }
        if (t.assigneeId() != null) {
            throw new InvalidFieldsException("assigneeId", "is only given when assigning the defect");
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> duplicateTarget(Defect d, UUID duplicateOf) {
        if (duplicateOf == null) {
            throw new InvalidFieldsException("duplicateOf", "is required with the resolution DUPLICATE");
        }
        if (duplicateOf.equals(d.id)) {
            throw new InvalidFieldsException("duplicateOf", "a defect cannot be a duplicate of itself");
        }
        return defects.findById(duplicateOf).invoke(original -> {
            if (original == null || !original.projectId.equals(d.projectId)) {
                throw new InvalidFieldsException("duplicateOf", "is not another defect of this project");
            }
        }).replaceWithVoid();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.trim();
    }
}
