package io.testtrack.defect.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.Defect;
import io.testtrack.defect.domain.DefectInput;
import io.testtrack.defect.domain.FieldDefinition;
import io.testtrack.defect.domain.HistoryEntry;
import io.testtrack.defect.domain.Priority;
import io.testtrack.defect.repository.DefectRepository;
import io.testtrack.defect.repository.ExecutionProjectionQueries.RecordedStep;
import io.testtrack.defect.repository.ExecutionProjectionQueries;
import io.testtrack.defect.repository.FieldDefinitionRepository;
import io.testtrack.defect.repository.HistoryRepository;
import io.testtrack.defect.repository.ProjectDirectory;
import io.testtrack.events.defect.DefectAssigned;
import io.testtrack.events.defect.DefectCreated;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.Severity;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.fields.CustomFieldRules;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Filing a defect (from scratch or from a failed step), reading it, editing it, and its history. */
@ApplicationScoped
public class DefectService {

    /** Where a defect filed from a failed step comes from. */
    public record FromStep(UUID executionId, int stepIndex) {
    }

    private final DefectRepository defects;
    private final HistoryRepository history;
    private final DefectAccess defectAccess;
    private final ProjectAccess access;
    private final ProjectDirectory projects;
    private final ExecutionProjectionQueries executions;
    private final FieldDefinitionRepository fields;
    private final Outbox outbox;

    public DefectService(DefectRepository defects, HistoryRepository history, DefectAccess defectAccess, ProjectAccess access,
            ProjectDirectory projects, ExecutionProjectionQueries executions, FieldDefinitionRepository fields, Outbox outbox) {
        this.defects = defects;
        this.history = history;
        this.defectAccess = defectAccess;
        this.access = access;
        this.projects = projects;
        this.executions = executions;
        this.fields = fields;
        this.outbox = outbox;
    }

    /**
     * Files a defect in {@code projectId}, or, given {@code fromStep}, in the project of that
     * failed step, prefilled with what the step recorded (fields of {@code input} win).
     */
    public Uni<Defect> create(Principal principal, UUID projectId, FromStep fromStep, DefectInput input) {
        Uni<Optional<RecordedStep>> step = fromStep == null ? Uni.createFrom().item(Optional.empty())
                : executions.step(fromStep.executionId(), fromStep.stepIndex()).map(found -> {
                    RecordedStep s = found.orElseThrow(() -> new ResourceNotFoundException("No such recorded step."));
                    if (projectId != null && !projectId.equals(s.projectId())) {
                        throw new InvalidFieldsException("projectId", "is not the project of the execution");
                    }
                    return found;
                });
        return step.chain(s -> {
            UUID project = s.map(RecordedStep::projectId).orElse(projectId);
            if (project == null) {
                throw new InvalidFieldsException("projectId", "must be given, or executionId and stepIndex");
            }
            return access.require(principal, project, Permission.REPORT_DEFECTS)
                    .onFailure(ResourceNotFoundException.class).transform(e -> s.isPresent()
                            ? new ResourceNotFoundException("No such recorded step.") : e)
                    .chain(() -> {
                        if (s.isPresent() && !"FAIL".equals(s.get().status()) && !"BLOCKED".equals(s.get().status())) {
                            throw new ConflictException("Step " + s.get().stepIndex() + " of the execution is " + s.get().status()
                                    + ", not failed; a defect is filed from a failed or blocked step.");
                        }
                        return projects.writableKey(project);
                    })
                    .chain(key -> validatePeople(project, input).replaceWith(key))
                    .chain(key -> Panache.withSession(() -> customValues(project, Map.of(), input.customFields()))
                            .chain(values -> projects.nextNumber(project)
                                    .map(n -> newDefect(principal, project, key, n, s.orElse(null), input, values))))
                    .chain(d -> Panache.withTransaction(() -> defects.persist(d)
                            .chain(() -> history.persist(HistoryEntry.of(d.id, principal.actorId(), null, d.createdAt, "created", null, d.key)))
                            .chain(() -> outbox.record(new DefectCreated(d.id, d.projectId, d.key, d.title, d.severity, d.status, d.reporterId,
                                    d.assigneeId, d.executionId, d.testCaseId)))
                            .chain(() -> d.assigneeId == null ? Uni.createFrom().voidItem()
                                    : outbox.record(new DefectAssigned(d.id, d.projectId, null, d.assigneeId, principal.actorId())).replaceWithVoid())
                            .replaceWith(d)));
        });
    }

    public Uni<DefectAccess.Found> get(Principal principal, UUID id) {
        return Panache.withSession(() -> defectAccess.find(principal, id, Permission.READ, false));
    }

    public Uni<List<HistoryEntry>> history(Principal principal, UUID id) {
        return Panache.withSession(() -> defectAccess.find(principal, id, Permission.READ, false).chain(f -> history.of(f.defect().id)));
    }

    /** Sets the fields given, against {@code expectedVersion}; each change is a history entry. */
    public Uni<Defect> edit(Principal principal, UUID id, int expectedVersion, DefectInput input) {
        UUID by = principal.actorId();
        return Panache.withTransaction(() -> defectAccess.find(principal, id, Permission.REPORT_DEFECTS, true).chain(found -> {
            Defect d = found.defect();
            if (d.version != expectedVersion) {
                throw new StaleVersionException("The defect", expectedVersion, d.version);
            }
            return validatePeople(d.projectId, input).chain(() -> input.customFields() == null ? Uni.createFrom().item(d.customFields)
                    : customValues(d.projectId, d.customFields, input.customFields())).chain(values -> {
                Instant now = Instant.now();
                List<HistoryEntry> changes = new ArrayList<>();
                UUID previousAssignee = d.assigneeId;
                Changes record = (field, from, to) -> changes.add(HistoryEntry.of(d.id, by, null, now, field, from, to));
                apply(d, input, record);
                setCustomFields(d, values, record);
                if (changes.isEmpty()) {
                    return Uni.createFrom().item(d);
                }
                d.updatedAt = now;
                d.updatedBy = by;
                d.version++;
                return history.persist(changes)
                        .chain(() -> Objects.equals(previousAssignee, d.assigneeId) ? Uni.createFrom().voidItem()
                                : outbox.record(new DefectAssigned(d.id, d.projectId, previousAssignee, d.assigneeId, by)).replaceWithVoid())
                        .replaceWith(d);
            });
        }));
    }

    private Uni<Void> validatePeople(UUID projectId, DefectInput input) {
        Uni<Void> assignee = input.assigneeId() == null ? Uni.createFrom().voidItem()
                : defectAccess.requireAssignable(projectId, input.assigneeId(), "assigneeId");
        List<UUID> watchers = input.watchers() == null ? List.of() : input.watchers();
        return assignee.chain(() -> Multi.createFrom().iterable(watchers)
                .onItem().transformToUniAndConcatenate(w -> defectAccess.requireMember(projectId, w, "watchers"))
                .collect().last().replaceWithVoid());
    }

    /**
     * The values {@code given} (a null value clears one) laid over {@code current}, checked against
     * the project's custom field definitions and put in their stored form; every problem is named.
     */
    private Uni<Map<String, Object>> customValues(UUID projectId, Map<String, Object> current, Map<String, Object> given) {
        Map<String, Object> merged = new LinkedHashMap<>(current == null ? Map.of() : current);
        if (given != null) {
            given.forEach((name, value) -> {
                if (value == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, value);
                }
            });
        }
        return fields.ofProject(projectId)
                .map(definitions -> CustomFieldRules.validate(definitions.stream().map(FieldDefinition::rule).toList(), merged));
    }

    /** Sets the custom values and reports each field whose value changed as {@code customFields.<name>}. */
    private static void setCustomFields(Defect d, Map<String, Object> values, Changes changes) {
        Map<String, Object> before = d.customFields == null ? Map.of() : d.customFields;
        LinkedHashSet<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(values.keySet());
        names.forEach(name -> set("customFields." + name, before.get(name), values.get(name), changes));
        d.customFields = values;
    }

    private static Defect newDefect(Principal principal, UUID projectId, String projectKey, int number, RecordedStep step,
            DefectInput input, Map<String, Object> customValues) {
        Defect d = new Defect();
        d.id = UUID.randomUUID();
        d.projectId = projectId;
        d.number = number;
        d.key = projectKey + "-B" + number;
        d.reporterId = principal.actorId();
        d.severity = Severity.MAJOR;
        d.priority = Priority.P2;
        d.tags = List.of();
        d.watchers = List.of();
        d.customFields = customValues;
        d.stepAttachments = step == null ? List.of() : step.attachments();
        if (step != null) {
            d.executionId = step.executionId();
            d.runId = step.runId();
            d.stepIndex = step.stepIndex();
            d.testCaseId = step.testCaseId();
            d.caseKey = step.caseKey();
            d.caseVersion = step.caseVersion();
            d.title = (step.caseKey() == null ? "" : step.caseKey() + " ") + (step.title() == null ? "Execution" : step.title())
                    + ": step " + step.stepIndex() + " failed";
            d.stepsToReproduce = "Execute " + (step.caseKey() == null ? "the test case" : step.caseKey())
                    + (step.caseVersion() == null ? "" : " (version " + step.caseVersion() + ")") + " up to step " + step.stepIndex()
                    + (step.action() == null ? "." : ": " + step.action());
            d.expectedResult = step.expected();
            d.actualResult = step.comment() == null ? step.actualResult()
                    : step.actualResult() == null ? step.comment() : step.actualResult() + "\n\n" + step.comment();
            d.environment = step.environment();
            d.build = step.buildVersion();
        }
        apply(d, input, (field, from, to) -> {
        });
        if (d.title == null || d.title.isBlank()) {
            throw new InvalidFieldsException("title", "must not be blank");
        }
        d.status = d.assigneeId == null ? DefectStatus.NEW : DefectStatus.ASSIGNED;
        d.createdAt = Instant.now();
        d.updatedAt = d.createdAt;
        d.updatedBy = principal.actorId();
        d.version = 1;
        return d;
    }

    private interface Changes {
        void changed(String field, Object from, Object to);
    }

    /** Sets each field the input gives and reports each one that changed. */
    private static void apply(Defect d, DefectInput in, Changes changes) {
        if (in.title() != null) {
            String title = in.title().trim();
            if (title.isEmpty()) {
                throw new InvalidFieldsException("title", "must not be blank");
            }
            d.title = set("title", d.title, title, changes);
        }
        d.description = text("description", d.description, in.description(), changes);
        d.stepsToReproduce = text("stepsToReproduce", d.stepsToReproduce, in.stepsToReproduce(), changes);
        d.expectedResult = text("expectedResult", d.expectedResult, in.expectedResult(), changes);
        d.actualResult = text("actualResult", d.actualResult, in.actualResult(), changes);
        d.environment = text("environment", d.environment, in.environment(), changes);
        d.build = text("build", d.build, in.build(), changes);
        if (in.severity() != null) {
            d.severity = set("severity", d.severity, in.severity(), changes);
        }
        if (in.priority() != null) {
            d.priority = set("priority", d.priority, in.priority(), changes);
        }
        if (in.reproducibility() != null) {
            d.reproducibility = set("reproducibility", d.reproducibility, in.reproducibility(), changes);
        }
        if (in.tags() != null) {
            d.tags = set("tags", d.tags, in.tags().stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList(), changes);
        }
        if (in.watchers() != null) {
            d.watchers = set("watchers", d.watchers, in.watchers().stream().distinct().toList(), changes);
        }
        if (in.assigneeId() != null) {
            d.assigneeId = set("assignee", d.assigneeId, in.assigneeId(), changes);
        }
    }

    private static String text(String field, String current, String given, Changes changes) {
        if (given == null) {
            return current;
        }
        return set(field, current, given.isBlank() ? null : given, changes);
    }

    private static <T> T set(String field, T current, T given, Changes changes) {
        if (!Objects.equals(current, given)) {
            changes.changed(field, current, given);
        }
        return given;
    }
}
