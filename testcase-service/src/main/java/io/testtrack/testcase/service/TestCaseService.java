package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.CaseContent;
import io.testtrack.testcase.domain.StepItem;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.domain.WrittenCase;
import io.testtrack.testcase.repository.ProjectDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creating, reading, editing, cloning, deleting and restoring single test cases. */
@ApplicationScoped
public class TestCaseService {

    private final CaseAccess cases;
    private final CaseWriter writer;
    private final ProjectAccess access;
    private final ProjectDirectory projects;

    public TestCaseService(CaseAccess cases, CaseWriter writer, ProjectAccess access, ProjectDirectory projects) {
        this.cases = cases;
        this.writer = writer;
        this.access = access;
        this.projects = projects;
    }

    public Uni<WrittenCase> create(Principal principal, UUID projectId, CaseContent content) {
        return access.require(principal, projectId, Permission.WRITE_CASES)
                .chain(() -> projects.writableKey(projectId))
                .chain(key -> projects.reserveNumbers(projectId, 1).chain(number -> Panache.withTransaction(() -> writer.write(
                        TestCase.create(projectId, number, key, principal.actorId(), Instant.now()), content,
                        principal.actorId(), "Created"))));
    }

    public Uni<WrittenCase> get(Principal principal, UUID id) {
        return Panache.withSession(() -> cases.find(principal, id, Permission.READ)
                .chain(testCase -> writer.expand(testCase).map(steps -> new WrittenCase(testCase, steps, false))));
    }

    /** Replaces the content; {@code expectedVersion} is the version the edit was made against. */
    public Uni<WrittenCase> update(Principal principal, UUID id, int expectedVersion, CaseContent content) {
        return edit(principal, id, expectedVersion, current -> content, "Edited");
    }

    public Uni<WrittenCase> replaceSteps(Principal principal, UUID id, int expectedVersion, List<StepItem> steps) {
        return edit(principal, id, expectedVersion, current -> current.withSteps(steps), "Steps edited");
    }

    public Uni<WrittenCase> clone(Principal principal, UUID id, String title, UUID suiteId) {
        return Panache.withSession(() -> cases.find(principal, id, Permission.WRITE_CASES))
                .chain(source -> projects.writableKey(source.projectId).chain(key -> projects.reserveNumbers(source.projectId, 1)
                        .chain(number -> Panache.withTransaction(() -> writer.write(
                                TestCase.create(source.projectId, number, key, principal.actorId(), Instant.now()),
                                source.content().asClone(title != null ? title : "Copy of " + source.title,
                                        suiteId != null ? suiteId : source.suiteId),
                                principal.actorId(), "Cloned from " + source.key)))));
    }

    /** Moves the case to the trash, from where it can be restored for 30 days. */
    public Uni<Void> delete(Principal principal, UUID id, Integer expectedVersion) {
        return Panache.withTransaction(() -> cases.lock(principal, id, Permission.WRITE_CASES)
                .call(testCase -> projects.writableKey(testCase.projectId))
                .chain(testCase -> {
                    requireVersion(testCase, expectedVersion);
                    return writer.deleted(testCase, principal.actorId());
                }));
    }

    public Uni<WrittenCase> restore(Principal principal, UUID id) {
        return Panache.withTransaction(() -> cases.lockDeleted(principal, id, Permission.WRITE_CASES)
                .call(testCase -> projects.writableKey(testCase.projectId))
                .chain(testCase -> writer.restored(testCase, principal.actorId())));
    }

    private Uni<WrittenCase> edit(Principal principal, UUID id, int expectedVersion,
            java.util.function.UnaryOperator<CaseContent> change, String summary) {
        return Panache.withTransaction(() -> cases.lock(principal, id, Permission.WRITE_CASES)
                .call(testCase -> projects.writableKey(testCase.projectId))
                .chain(testCase -> {
                    requireVersion(testCase, expectedVersion);
                    return writer.write(testCase, change.apply(testCase.content()), principal.actorId(), summary);
                }));
    }

    static void requireVersion(TestCase testCase, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != testCase.version) {
            throw new StaleVersionException("Test case " + testCase.key, expectedVersion, testCase.version);
        }
    }
}
