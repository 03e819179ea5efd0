package io.testtrack.defect.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.DefectPage;
import io.testtrack.defect.domain.DefectQuery;
import io.testtrack.defect.repository.DefectSearch;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Lists of defects for a caller: a project's (members only, 404 outside), the caller's own across
 * the projects they belong to ("my open defects": assignee me, open), or an execution's.
 */
@ApplicationScoped
public class DefectListing {

    private final DefectSearch search;
    private final ProjectAccess access;

    public DefectListing(DefectSearch search, ProjectAccess access) {
        this.search = search;
        this.access = access;
    }

    public Uni<DefectPage> list(Principal principal, DefectQuery q) {
        if (q.projectId() != null) {
            return access.require(principal, q.projectId(), Permission.READ)
                    .chain(() -> search.page(q, new DefectSearch.Scope(q.projectId(), null)));
        }
        if (principal instanceof Principal.ApiToken token) {
            return search.page(q, new DefectSearch.Scope(token.projectId(), null));
        }
        Principal.User user = (Principal.User) principal;
        boolean own = user.userId().equals(q.assigneeId()) || user.userId().equals(q.reporterId());
        if (own) {
            return search.page(q, new DefectSearch.Scope(null, user.isAdmin() ? null : user.userId()));
        }
        if (q.executionId() != null) {
            return search.projectOfExecution(q.executionId()).chain(project -> project == null
                    ? Uni.createFrom().item(new DefectPage(java.util.List.of(), null))
                    : access.require(principal, project, Permission.READ)
                            .onFailure(ResourceNotFoundException.class).transform(e -> new ResourceNotFoundException("No such execution."))
                            .chain(() -> search.page(q, new DefectSearch.Scope(project, null))));
        }
        throw new InvalidFieldsException("projectId", "is required, unless executionId is given or assigneeId or reporterId is me");
    }

    public Uni<Map<DefectStatus, Long>> counts(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ).chain(() -> search.counts(projectId));
    }
}
