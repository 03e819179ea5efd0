package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.events.testcase.SuiteDeleted;
import io.testtrack.events.testcase.SuiteSaved;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.Suite;
import io.testtrack.testcase.repository.ProjectDirectory;
import io.testtrack.testcase.repository.SuiteRepository;
import io.testtrack.testcase.repository.TestCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A project's suite tree: create, rename, move (never under itself) and delete (empty, or with everything below). */
@ApplicationScoped
public class SuiteService {

    private static final int PARKED = 1_000_000;

    private final SuiteRepository suites;
    private final TestCaseRepository cases;
    private final CaseWriter writer;
    private final ProjectAccess access;
    private final ProjectDirectory projects;
    private final Outbox outbox;

    private final SearchTotals totals;

    public SuiteService(SuiteRepository suites, TestCaseRepository cases, CaseWriter writer, ProjectAccess access,
            ProjectDirectory projects, Outbox outbox, SearchTotals totals) {
        this.totals = totals;
        this.suites = suites;
        this.cases = cases;
        this.writer = writer;
        this.access = access;
        this.projects = projects;
        this.outbox = outbox;
    }

    /** Other services keep the tree from these (execution-service selects a suite's cases with its descendants). */
    private Uni<Suite> saved(Suite suite, UUID by) {
        totals.touched(suite.projectId);
        return outbox.record(new SuiteSaved(suite.id, suite.projectId, suite.parentId, suite.name, by)).replaceWith(suite);
    }

    public Uni<List<Suite>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ).chain(() -> Panache.withSession(() -> suites.ofProject(projectId)));
    }

    public Uni<Suite> create(Principal principal, UUID projectId, UUID parentId, String name) {
        return writable(principal, projectId).chain(() -> Panache.withTransaction(() -> parent(projectId, parentId)
                .chain(() -> uniqueName(projectId, parentId, name, null))
                .chain(() -> suites.children(projectId, parentId))
                .chain(count -> {
                    Suite suite = Suite.create(projectId, parentId, name, count.intValue(), principal.actorId(), Instant.now());
                    return suites.persist(suite).chain(() -> saved(suite, suite.createdBy));
                })));
    }

    /** Finds the suite at a path of names from the root, creating what is missing (CSV import, discovered tests). */
    public Uni<UUID> ensurePath(UUID projectId, List<String> path, UUID by) {
        Uni<UUID> parent = Uni.createFrom().nullItem();
        for (String name : path) {
            parent = parent.chain(parentId -> suites.named(projectId, parentId, name).chain(found -> {
                if (found != null) {
                    return Uni.createFrom().item(found.id);
                }
                return suites.children(projectId, parentId).chain(count -> {
                    Suite suite = Suite.create(projectId, parentId, name, count.intValue(), by, Instant.now());
                    return suites.persist(suite).chain(suites::flush).chain(() -> saved(suite, by)).replaceWith(suite.id);
                });
            }));
        }
        return parent;
    }

    public Uni<Suite> rename(Principal principal, UUID id, String name, Long expectedVersion) {
        return Panache.withTransaction(() -> locked(principal, id, expectedVersion).chain(suite ->
                uniqueName(suite.projectId, suite.parentId, name, suite.id).chain(ignored -> {
                    suite.name = name.trim();
                    touch(suite);
                    return saved(suite, principal.actorId());
                })));
    }

    /** Moves the suite under {@code parentId} (null: the root) at {@code position} (null: last). */
    public Uni<Suite> move(Principal principal, UUID id, UUID parentId, Integer position, Long expectedVersion) {
        return Panache.withTransaction(() -> locked(principal, id, expectedVersion).chain(suite -> parent(suite.projectId, parentId)
                .chain(() -> parentId == null ? Uni.createFrom().item(List.<UUID>of()) : suites.subtree(suite.id))
                .chain(subtree -> {
                    if (parentId != null && subtree.contains(parentId)) {
                        throw new InvalidFieldsException("parentId", "a suite cannot move under itself or its own descendants");
                    }
                    return uniqueName(suite.projectId, parentId, suite.name, suite.id);
                })
                .chain(() -> suites.children(suite.projectId, parentId))
                .chain(count -> {
                    UUID oldParent = suite.parentId;
                    int last = Objects.equals(oldParent, parentId) ? count.intValue() - 1 : count.intValue();
                    int target = position == null ? last : Math.max(0, Math.min(position, last));
                    // Park the suite last, close the gap it leaves, make room at the target, then set it there.
                    suite.parentId = parentId;
                    suite.position = PARKED;
                    touch(suite);
                    return suites.flush()
                            .chain(() -> suites.renumber(suite.projectId, oldParent))
                            .chain(() -> suites.shiftFrom(suite.projectId, parentId, target))
                            .invoke(() -> suite.position = target)
                            .chain(suites::flush)
                            .chain(() -> saved(suite, principal.actorId()));
                })));
    }

    /**
     * Deletes an empty suite; with {@code cascade} also every suite below it, and moves their
     * cases to the trash (restorable for 30 days, at the root since their suite is gone).
     */
    public Uni<Integer> delete(Principal principal, UUID id, boolean cascade) {
        return Panache.withTransaction(() -> locked(principal, id, null).chain(suite -> suites.subtree(suite.id)
                .chain(subtree -> cases.liveInSuites(subtree).chain(caseCount -> {
                    int childSuites = subtree.size() - 1;
                    if (!cascade && (childSuites > 0 || caseCount > 0)) {
                        throw new ConflictException("The suite holds " + childSuites + " suite(s) and " + caseCount
                                + " test case(s); delete with cascade=true to move them to the trash too.");
                    }
                    totals.touched(suite.projectId);
                    return cases.liveInSuitesLocked(subtree)
                            .call(list -> CaseWriter.sequentially(list, testCase -> writer.deleted(testCase, principal.actorId())))
                            .call(() -> CaseWriter.sequentially(subtree, gone -> outbox.record(
                                    new SuiteDeleted(gone, suite.projectId, principal.actorId()))))
                            .call(() -> suites.delete(suite))
                            .call(suites::flush)
                            .call(() -> suites.renumber(suite.projectId, suite.parentId))
                            .map(List::size);
                }))));
    }

    private Uni<Suite> locked(Principal principal, UUID id, Long expectedVersion) {
        return suites.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("No such suite."))
                .call(suite -> writable(principal, suite.projectId)
                        .onFailure(ResourceNotFoundException.class).transform(e -> new ResourceNotFoundException("No such suite.")))
                .invoke(suite -> {
                    if (expectedVersion != null && expectedVersion != suite.version) {
                        throw new StaleVersionException("The suite " + suite.name, expectedVersion, suite.version);
                    }
                });
    }

    private Uni<Void> writable(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.WRITE_CASES).chain(() -> projects.writableKey(projectId)).replaceWithVoid();
    }

    private Uni<Void> parent(UUID projectId, UUID parentId) {
        if (parentId == null) {
            return Uni.createFrom().voidItem();
        }
        return suites.inProject(projectId, parentId).invoke(found -> {
            if (found == null) {
                throw new InvalidFieldsException("parentId", "is not a suite of this project");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> uniqueName(UUID projectId, UUID parentId, String name, UUID self) {
        return suites.named(projectId, parentId, name.trim()).invoke(found -> {
            if (found != null && !found.id.equals(self)) {
                throw new ConflictException("A suite named '" + name.trim() + "' is there already.");
            }
        }).replaceWithVoid();
    }

    private static void touch(Suite suite) {
        suite.updatedAt = Instant.now();
        suite.version++;
    }
}
