package io.testtrack.execution.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.ExecutionStatusChanged;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.execution.domain.Execution;
import io.testtrack.execution.domain.ExecutionDetails;
import io.testtrack.execution.domain.Run;
import io.testtrack.execution.domain.StatusRules;
import io.testtrack.execution.domain.StepResult;
import io.testtrack.execution.repository.ExecutionRepository;
import io.testtrack.execution.repository.RunQueries;
import io.testtrack.execution.repository.RunRepository;
import io.testtrack.execution.repository.StepResultRepository;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Executing a case: step results (one row per step, so testers recording different steps never
 * overwrite each other), the status derived from them or set as a whole, time spent, and a
 * refresh of the snapshot from the current case. Each change locks the execution and its run
 * for its transaction, so the derived status and the run's completion are never computed from
 * a half-seen state.
 */
@ApplicationScoped
public class ExecutionService {

    public record StepInput(StepStatus status, String actualResult, String comment) {
    }

    private final ExecutionRepository executions;
    private final StepResultRepository results;
    private final RunRepository runs;
    private final RunService runService;
    private final RunQueries queries;
    private final ProjectAccess access;
    private final Assignees assignees;
    private final Outbox outbox;

    public ExecutionService(ExecutionRepository executions, StepResultRepository results, RunRepository runs, RunService runService,
            RunQueries queries, ProjectAccess access, Assignees assignees, Outbox outbox) {
        this.executions = executions;
        this.results = results;
        this.runs = runs;
        this.runService = runService;
        this.queries = queries;
        this.access = access;
        this.assignees = assignees;
        this.outbox = outbox;
    }

    public Uni<ExecutionDetails> get(Principal principal, UUID id) {
        return Panache.withSession(() -> find(principal, id, Permission.READ, false)
                .chain(e -> results.of(e.id).map(steps -> new ExecutionDetails(e, steps))));
    }

    public Uni<ExecutionDetails> recordStep(Principal principal, UUID id, int index, StepInput input) {
        UUID by = principal.actorId();
        return Panache.withTransaction(() -> find(principal, id, Permission.EXECUTE, true).chain(e -> {
            if (index < 1 || index > e.steps.size()) {
                throw new InvalidFieldsException("index", e.steps.isEmpty() ? "the execution has no steps; set its status as a whole"
                        : "must be from 1 to " + e.steps.size());
            }
            return run(e).chain(run -> results.findById(new StepResult.Key(e.id, index)).chain(existing -> {
                StepResult result = existing != null ? existing : new StepResult();
                result.executionId = e.id;
                result.stepIndex = index;
                result.status = input.status();
                result.actualResult = input.actualResult();
                result.comment = input.comment();
                result.recordedBy = by;
                result.recordedAt = Instant.now();
                Uni<?> saved = existing != null ? results.flush() : results.persist(result).chain(results::flush);
                return saved.chain(() -> outbox.record(stepRecorded(e, result)))
                        .chain(() -> results.of(e.id))
                        .chain(all -> {
                            e.statusSet = false;
                            return changeStatus(e, run, StatusRules.derive(e.steps.size(), all.stream().map(r -> r.status).toList()), by)
                                    .replaceWith(new ExecutionDetails(e, all));
                        });
            }));
        }));
    }

    /** Sets the status as a whole (RETEST, say); {@code expectedVersion}, when given, must be current. */
    public Uni<ExecutionDetails> setStatus(Principal principal, UUID id, ExecutionStatus status, Integer expectedVersion) {
        UUID by = principal.actorId();
        return Panache.withTransaction(() -> find(principal, id, Permission.EXECUTE, true).chain(e -> {
            if (expectedVersion != null && expectedVersion != e.version) {
                throw new StaleVersionException("The execution", expectedVersion, e.version);
            }
            e.statusSet = true;
            return run(e).chain(run -> changeStatus(e, run, status, by)).chain(() -> results.of(e.id)).map(steps -> new ExecutionDetails(e, steps));
        }));
    }

    /** Gives the execution to a tester or lead of the project, or to nobody ({@code assignee} null). */
    public Uni<ExecutionDetails> assign(Principal principal, UUID id, UUID assignee) {
        return Panache.withTransaction(() -> find(principal, id, Permission.EXECUTE, true).chain(e -> {
            Uni<Void> allowed = assignee == null ? Uni.createFrom().voidItem()
                    : assignees.requireAssignable(e.projectId, List.of(assignee), "assignee");
            return allowed.chain(() -> {
                e.assignee = assignee;
                e.updatedBy = principal.actorId();
                e.updatedAt = Instant.now();
                e.version++;
                return results.of(e.id).map(steps -> new ExecutionDetails(e, steps));
            });
        }));
    }

    /** Starts or stops the clock on the time a tester spends. */
    public Uni<ExecutionDetails> timer(Principal principal, UUID id, boolean start) {
        UUID by = principal.actorId();
        return Panache.withTransaction(() -> find(principal, id, Permission.EXECUTE, true).chain(e -> {
            Instant now = Instant.now();
            if (start) {
                if (e.timerStartedAt != null) {
                    throw new ConflictException("The timer is running already.");
                }
                e.timerStartedAt = now;
            } else {
                if (e.timerStartedAt == null) {
                    throw new ConflictException("The timer is not running.");
                }
                e.timeSpentMs += Duration.between(e.timerStartedAt, now).toMillis();
                e.timerStartedAt = null;
            }
            e.updatedBy = by;
            e.updatedAt = now;
            e.version++;
            return results.of(e.id).map(steps -> new ExecutionDetails(e, steps));
        }));
    }

    /**
     * Takes the case as it is now (title, steps, version) instead of the run's snapshot. Step
     * results are dropped when the steps changed, since they no longer describe these steps.
     */
    public Uni<ExecutionDetails> refresh(Principal principal, UUID id) {
        UUID by = principal.actorId();
        return Panache.withTransaction(() -> find(principal, id, Permission.EXECUTE, true).chain(e -> {
            if (e.testCaseId == null) {
                throw new ConflictException("The execution is not linked to a test case.");
            }
            return queries.currentCase(e.testCaseId).chain(current -> {
                if (current == null) {
                    throw new ConflictException("The test case was deleted; the execution keeps its snapshot.");
                }
                boolean stepsChanged = !current.steps().equals(e.steps);
                e.title = current.title();
                e.caseKey = current.key();
                e.caseVersion = current.version();
                e.steps = current.steps();
                e.updatedBy = by;
                e.updatedAt = Instant.now();
                e.version++;
                Uni<?> cleared = stepsChanged ? results.delete("executionId", e.id) : Uni.createFrom().voidItem();
                return cleared.chain(() -> run(e)).chain(run -> stepsChanged && !e.statusSet
                                ? changeStatus(e, run, ExecutionStatus.NOT_RUN, by) : Uni.createFrom().voidItem())
                        .chain(() -> results.of(e.id)).map(steps -> new ExecutionDetails(e, steps));
            });
        }));
    }

    /** The event carries the step as the execution snapshotted it, so a defect can be filed from it without asking this service. */
    private static StepResultRecorded stepRecorded(Execution e, StepResult result) {
        var step = e.steps.get(result.stepIndex - 1);
        return new StepResultRecorded(e.id, e.runId, e.projectId, result.stepIndex, result.status, result.recordedBy, e.testCaseId,
                e.caseKey, e.caseVersion, e.title, step.action(), step.expectedResult(), result.actualResult, result.comment);
    }

    /**
     * Gives the execution its new status, and the run its start or its completion when this change
     * makes one. The run's row is locked only then: a step recorded in a run under way, which
     * leaves the execution open, locks its own execution and nothing else, so the testers of one
     * run, or a run's many executions recorded at once, do not queue behind one another on the
     * run. The lock is still taken to start a run and whenever an execution closes: two executions
     * closing at once then count what is still open one after the other, and the last one
     * completes the run.
     */
    private Uni<Void> changeStatus(Execution e, Run read, ExecutionStatus status, UUID by) {
        ExecutionStatus previous = e.status;
        e.status = status;
        e.updatedBy = by;
        e.updatedAt = Instant.now();
        e.version++;
        boolean starts = read.status == Run.Status.PLANNED && status != ExecutionStatus.NOT_RUN;
        boolean closes = previous != status && !StatusRules.isOpen(status);
        Uni<Run> locked = starts || closes
                ? runs.getSession().chain(session -> session.refresh(read, LockModeType.PESSIMISTIC_WRITE)).replaceWith(read)
                : Uni.createFrom().item(read);
        return locked.chain(run -> {
            if (run.status == Run.Status.PLANNED && status != ExecutionStatus.NOT_RUN) {
                run.status = Run.Status.IN_PROGRESS;
                run.startedAt = e.updatedAt;
                run.version++;
            }
            if (previous == status) {
                return Uni.createFrom().voidItem();
            }
            return outbox.record(new ExecutionStatusChanged(e.id, e.runId, e.projectId, e.testCaseId, e.automationKey, previous, status, by))
                    .chain(() -> StatusRules.isOpen(status) ? Uni.createFrom().voidItem() : runService.completeIfDone(run));
        });
    }

    /** The execution's run, not locked (see {@link #changeStatus}); an imported run's results are not edited. */
    private Uni<Run> run(Execution e) {
        return runs.findById(e.runId).invoke(run -> {
            if (run.origin == io.testtrack.events.execution.RunSource.IMPORT) {
                throw new ConflictException("An imported run is a record of a CI build; its results are not edited.");
            }
        });
    }

    private Uni<Execution> find(Principal principal, UUID id, Permission permission, boolean lock) {
        return (lock ? executions.lock(id) : executions.findById(id))
                .chain(e -> access.requireOn(principal, e, x -> x.projectId, permission, "No such execution."));
    }
}
