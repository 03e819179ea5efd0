package io.testtrack.testcase.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.repository.TestCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Finds a case for a caller: a case that does not exist, sits in the trash, or belongs to a
 * project the caller is not in is the same 404; a role without the permission is 403.
 */
@ApplicationScoped
public class CaseAccess {

    private final TestCaseRepository cases;
    private final ProjectAccess access;

    public CaseAccess(TestCaseRepository cases, ProjectAccess access) {
        this.cases = cases;
        this.access = access;
    }

    /** Call inside a session. */
    public Uni<TestCase> find(Principal principal, UUID id, Permission permission) {
        return cases.findById(id).chain(found -> allowed(principal, found, permission, false));
    }

    /** The case locked for this transaction; call inside one. */
    public Uni<TestCase> lock(Principal principal, UUID id, Permission permission) {
        return cases.lock(id).chain(found -> allowed(principal, found, permission, false));
    }

    /** A case in the trash, locked, to restore it. */
    public Uni<TestCase> lockDeleted(Principal principal, UUID id, Permission permission) {
        return cases.lock(id).chain(found -> allowed(principal, found, permission, true));
    }

    private Uni<TestCase> allowed(Principal principal, TestCase found, Permission permission, boolean deleted) {
        return access.requireOn(principal, found != null && found.isDeleted() == deleted ? found : null, c -> c.projectId, permission,
                deleted ? "No such test case in the trash." : "No such test case.");
    }
}
