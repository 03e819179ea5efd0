package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.SharedSteps;
import io.testtrack.testcase.domain.StepItem;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.repository.ProjectDirectory;
import io.testtrack.testcase.repository.SharedStepsRepository;
import io.testtrack.testcase.repository.TestCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Shared step groups. Editing one versions every live case that includes it and publishes their new snapshots. */
@ApplicationScoped
public class SharedStepsService {

    public record Result(SharedSteps group, int casesUpdated) {
    }

    private final SharedStepsRepository groups;
    private final TestCaseRepository cases;
    private final CaseWriter writer;
    private final ProjectAccess access;
    private final ProjectDirectory projects;

    public SharedStepsService(SharedStepsRepository groups, TestCaseRepository cases, CaseWriter writer, ProjectAccess access,
            ProjectDirectory projects) {
        this.groups = groups;
        this.cases = cases;
        this.writer = writer;
        this.access = access;
        this.projects = projects;
    }

    public Uni<List<SharedSteps>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ).chain(() -> Panache.withSession(() -> groups.ofProject(projectId)));
    }

    public Uni<SharedSteps> get(Principal principal, UUID id) {
        return Panache.withSession(() -> find(principal, id, Permission.READ));
    }

    public Uni<SharedSteps> create(Principal principal, UUID projectId, String name, List<StepItem> steps) {
        ownStepsOnly(steps);
        return access.require(principal, projectId, Permission.WRITE_CASES).chain(() -> projects.writableKey(projectId))
                .chain(() -> Panache.withTransaction(() -> uniqueName(projectId, name, null).chain(() -> {
                    Instant now = Instant.now();
                    SharedSteps group = new SharedSteps();
                    group.id = UUID.randomUUID();
                    group.projectId = projectId;
                    group.name = name.trim();
                    group.steps = steps;
                    group.createdBy = principal.actorId();
                    group.updatedBy = group.createdBy;
                    group.createdAt = now;
                    group.updatedAt = now;
                    group.version = 1;
                    return groups.persist(group);
                })));
    }

    public Uni<Result> update(Principal principal, UUID id, String name, List<StepItem> steps, Integer expectedVersion) {
        ownStepsOnly(steps);
        UUID by = principal.actorId();
        return Panache.withTransaction(() -> find(principal, id, Permission.WRITE_CASES)
                .call(group -> groups.getSession().chain(s -> s.lock(group, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)))
                .call(group -> projects.writableKey(group.projectId))
                .call(group -> uniqueName(group.projectId, name, group.id))
                .chain(group -> {
                    if (expectedVersion != null && expectedVersion != group.version) {
                        throw new StaleVersionException("The shared steps " + group.name, expectedVersion, group.version);
                    }
                    boolean stepsChanged = !group.steps.equals(steps);
                    group.name = name.trim();
                    group.steps = steps;
                    group.updatedBy = by;
                    group.updatedAt = Instant.now();
                    group.version++;
                    if (!stepsChanged) {
                        return Uni.createFrom().item(new Result(group, 0));
                    }
                    return groups.flush().chain(() -> including(group))
                            .chain(list -> CaseWriter.sequentially(list, testCase -> writer.sharedStepsEdited(testCase, by,
                                    "Shared steps '" + group.name + "' edited")))
                            .map(written -> new Result(group, written.size()));
                }));
    }

    /** A group that cases still include cannot go; it would silently take steps out of them. */
    public Uni<Void> delete(Principal principal, UUID id) {
        return Panache.withTransaction(() -> find(principal, id, Permission.WRITE_CASES).chain(group -> including(group).chain(list -> {
            if (!list.isEmpty()) {
                throw new ConflictException("The shared steps are included by " + list.size() + " test case(s), for example "
                        + list.get(0).key + "; take them out first.");
            }
            return groups.delete(group);
        })));
    }

    private Uni<List<TestCase>> including(SharedSteps group) {
        return cases.getSession().chain(session -> session
                .createNativeQuery("SELECT CAST(id AS text) FROM test_cases WHERE project_id = :project AND deleted_at IS NULL "
                        + "AND steps @> CAST(CAST(:probe AS text) AS jsonb) ORDER BY number", String.class)
                .setParameter("project", group.projectId)
                .setParameter("probe", "[{\"sharedStepsId\":\"" + group.id + "\"}]")
                .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<TestCase>of())
                        : cases.lockAll(group.projectId, ids.stream().map(UUID::fromString).toList()));
    }

    private Uni<SharedSteps> find(Principal principal, UUID id, Permission permission) {
        return groups.findById(id).chain(group -> access.requireOn(principal, group, g -> g.projectId, permission, "No such shared steps."));
    }

    private Uni<Void> uniqueName(UUID projectId, String name, UUID self) {
        return groups.find("projectId = ?1 and lower(name) = lower(?2)", projectId, name.trim()).firstResult().invoke(found -> {
            if (found != null && !found.id.equals(self)) {
                throw new ConflictException("The project has shared steps named '" + name.trim() + "' already.");
            }
        }).replaceWithVoid();
    }

    private static void ownStepsOnly(List<StepItem> steps) {
        if (steps.isEmpty()) {
            throw new InvalidFieldsException("steps", "a group of shared steps has at least one step");
        }
        if (steps.stream().anyMatch(StepItem::isShared)) {
            throw new InvalidFieldsException("steps", "shared steps cannot include other shared steps");
        }
    }
}
