package io.testtrack.execution.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.defect.DefectRetestRequested;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.RetestExecutionCreated;
import io.testtrack.events.execution.RunCompleted;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.RunSource;
import io.testtrack.execution.domain.CaseSelection;
import io.testtrack.execution.domain.Execution;
import io.testtrack.execution.domain.Run;
import io.testtrack.execution.domain.RunWithCounts;
import io.testtrack.execution.repository.ExecutionRepository;
import io.testtrack.execution.repository.RunQueries;
import io.testtrack.execution.repository.RunRepository;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Runs: created from a selection of cases (times configurations), listed, completed, re-run. */
@ApplicationScoped
public class RunService {

    public static final int MAX_EXECUTIONS = 20_000;

    /** What a new run is: its description, which cases, in which configurations, for whom. */
    public record NewRun(UUID projectId, String name, String description, String environment, String buildVersion, String milestone,
            CaseSelection selection, List<String> configurations, List<UUID> assignees) {
    }

    private final RunRepository runs;
    private final ExecutionRepository executions;
    private final RunQueries queries;
    private final ProjectAccess access;
    private final EnvironmentService environments;
    private final Assignees assignees;
    private final Outbox outbox;

    public RunService(RunRepository runs, ExecutionRepository executions, RunQueries queries, ProjectAccess access,
            EnvironmentService environments, Assignees assignees, Outbox outbox) {
        this.runs = runs;
        this.executions = executions;
        this.queries = queries;
        this.access = access;
        this.environments = environments;
        this.assignees = assignees;
        this.outbox = outbox;
    }

    public Uni<RunWithCounts> create(Principal principal, NewRun request) {
        UUID by = principal.actorId();
        return access.require(principal, request.projectId(), Permission.EXECUTE)
                .chain(() -> environments.check(request.projectId(), request.environment()))
                .chain(() -> assignees.requireAssignable(request.projectId(), request.assignees(), "assignees"))
                .chain(() -> queries.select(request.projectId(), request.selection()))
                .chain(cases -> {
                    if (cases.isEmpty()) {
                        throw new InvalidFieldsException("selection", "selects no test case of this project");
                    }
                    List<String> configurations = request.configurations().isEmpty() ? java.util.Collections.singletonList(null)
                            : request.configurations();
                    if ((long) cases.size() * configurations.size() > MAX_EXECUTIONS) {
                        throw new InvalidFieldsException("selection", "makes " + (long) cases.size() * configurations.size()
                                + " executions; a run has at most " + MAX_EXECUTIONS);
                    }
                    Run run = newRun(request.projectId(), request.name(), request.description(), request.environment(),
                            request.buildVersion(), request.milestone(), RunSource.MANUAL, null, request.configurations(), by);
                    List<Execution> list = new ArrayList<>();
                    for (RunQueries.SelectedCase c : cases) {
                        for (String configuration : configurations) {
                            Execution e = newExecution(run, list.size() + 1, by);
                            e.testCaseId = c.id();
                            e.caseKey = c.key();
                            e.caseVersion = c.version();
                            e.automationKey = c.automationKey();
                            e.title = c.title();
                            e.steps = c.steps();
                            e.configuration = configuration;
                            e.assignee = request.assignees().isEmpty() ? null : request.assignees().get(list.size() % request.assignees().size());
                            list.add(e);
                        }
                    }
                    return Panache.withTransaction(() -> store(run, list, by).chain(this::withCounts));
                });
    }

    /** A new run of the FAILED and BLOCKED executions of a run, with the same case snapshots. */
    public Uni<RunWithCounts> rerun(Principal principal, UUID runId, String name) {
        UUID by = principal.actorId();
        return Panache.withTransaction(() -> find(principal, runId, Permission.EXECUTE)
                .chain(source -> executions.ofRunWithStatus(runId, List.of(ExecutionStatus.FAILED, ExecutionStatus.BLOCKED))
                        .chain(failed -> {
                            if (failed.isEmpty()) {
                                throw new ConflictException("The run has no FAILED or BLOCKED executions to re-run.");
                            }
                            Run run = newRun(source.projectId, name != null ? name : "Re-run of " + source.name, source.description,
                                    source.environment, source.buildVersion, source.milestone, RunSource.RERUN, source.id,
                                    source.configurations, by);
                            List<Execution> list = new ArrayList<>();
                            for (Execution old : failed) {
                                Execution e = newExecution(run, list.size() + 1, by);
                                e.testCaseId = old.testCaseId;
                                e.caseKey = old.caseKey;
                                e.caseVersion = old.caseVersion;
                                e.automationKey = old.automationKey;
                                e.title = old.title;
                                e.steps = old.steps;
                                e.configuration = old.configuration;
                                e.assignee = old.assignee;
                                list.add(e);
                            }
                            return store(run, list, by).chain(this::withCounts);
                        })));
    }

    /**
     * The re-test a defect asked for once its fix was made: a run of one execution, a copy of the
     * failed one (same case version and steps, so the fix is tested against what failed), assigned
     * to the defect's reporter. Call inside the consumer's transaction. An execution this service
     * does not have (or of another project) asks for nothing.
     */
    public Uni<Void> retest(DefectRetestRequested request) {
        return executions.findById(request.sourceExecutionId()).chain(old -> {
            if (old == null || !old.projectId.equals(request.projectId())) {
                Log.warnf("a re-test of %s was asked for execution %s, which this project does not have", request.key(),
                        request.sourceExecutionId());
                return Uni.createFrom().voidItem();
            }
            return runs.findById(old.runId).chain(source -> {
                Run run = newRun(old.projectId, request.runName(), "Verifies the fix of " + request.key() + ".", source.environment,
                        source.buildVersion, source.milestone, RunSource.RERUN, source.id,
                        old.configuration == null ? List.of() : List.of(old.configuration), request.requestedBy());
                Execution e = newExecution(run, 1, request.requestedBy());
                e.testCaseId = old.testCaseId;
                e.caseKey = old.caseKey;
                e.caseVersion = old.caseVersion;
                e.automationKey = old.automationKey;
                e.title = old.title;
                e.steps = old.steps;
                e.configuration = old.configuration;
                e.assignee = request.assigneeId();
                return store(run, List.of(e), request.requestedBy())
                        .chain(() -> outbox.record(new RetestExecutionCreated(e.id, run.id, run.projectId, request.defectId(), old.id)))
                        .replaceWithVoid();
            });
        });
    }

    public Uni<RunWithCounts> get(Principal principal, UUID runId) {
        return Panache.withSession(() -> find(principal, runId, Permission.READ).chain(this::withCounts));
    }

    /** Closes a run by hand, whatever is still open in it. */
    public Uni<RunWithCounts> close(Principal principal, UUID runId) {
        return Panache.withTransaction(() -> find(principal, runId, Permission.EXECUTE)
                // read again under the lock: a completion committed meanwhile is seen
                .call(run -> runs.getSession().chain(s -> s.refresh(run, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)))
                .chain(run -> {
                    if (run.status == Run.Status.COMPLETED) {
                        throw new ConflictException("The run is completed already.");
                    }
                    return complete(run);
                }).chain(this::withCounts));
    }

    /** Completes the run if nothing in it is open any more; call inside a transaction, with the run locked. */
    public Uni<Void> completeIfDone(Run run) {
        if (run.status == Run.Status.COMPLETED) {
            return Uni.createFrom().voidItem();
        }
        return executions.flush().chain(() -> executions.anyOpen(run.id))
                .chain(open -> open ? Uni.createFrom().voidItem() : complete(run).replaceWithVoid());
    }

    private Uni<Run> complete(Run run) {
        run.status = Run.Status.COMPLETED;
        run.completedAt = Instant.now();
        run.version++;
        return queries.counts(run.id)
                .chain(counts -> outbox.record(new RunCompleted(run.id, run.projectId, RunQueries.summary(counts))))
                .replaceWith(run);
    }

    /** The run with its counts; call inside a session. */
    private Uni<RunWithCounts> withCounts(Run run) {
        return queries.counts(run.id).map(counts -> new RunWithCounts(run, counts));
    }

    Uni<Run> find(Principal principal, UUID runId, Permission permission) {
        return runs.findById(runId).chain(run -> access.requireOn(principal, run, r -> r.projectId, permission, "No such run."));
    }

    /** Call inside a transaction. */
    private Uni<Run> store(Run run, List<Execution> list, UUID by) {
        return runs.persist(run)
                .chain(() -> Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(executions::persist).collect().last())
                .chain(() -> outbox.record(new RunCreated(run.id, run.projectId, run.name, run.environment, run.buildVersion, run.milestone,
                        run.origin, list.size(), by)))
                .replaceWith(run);
    }

    private static Run newRun(UUID projectId, String name, String description, String environment, String buildVersion, String milestone,
            RunSource origin, UUID sourceRunId, List<String> configurations, UUID by) {
        Run run = new Run();
        run.id = UUID.randomUUID();
        run.projectId = projectId;
        run.name = name;
        run.description = description;
        run.environment = environment;
        run.buildVersion = buildVersion;
        run.milestone = milestone;
        run.origin = origin;
        run.sourceRunId = sourceRunId;
        run.status = Run.Status.PLANNED;
        run.configurations = configurations;
        run.createdBy = by;
        run.createdAt = Instant.now();
        return run;
    }

    private static Execution newExecution(Run run, int position, UUID by) {
        Execution e = new Execution();
        e.id = UUID.randomUUID();
        e.runId = run.id;
        e.projectId = run.projectId;
        e.position = position;
        e.status = ExecutionStatus.NOT_RUN;
        e.attempts = 1;
        e.updatedBy = by;
        e.updatedAt = run.createdAt;
        return e;
    }
}
