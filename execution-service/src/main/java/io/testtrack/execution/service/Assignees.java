package io.testtrack.execution.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.security.MembershipLookup;
import io.testtrack.platform.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;

/**
 * Who may be given executions: an active member of the run's project whose role may execute
 * (TESTER or LEAD). A run's assignees and an execution's assignee answer to this one rule.
 */
@ApplicationScoped
public class Assignees {

    private final MembershipLookup memberships;

    public Assignees(MembershipLookup memberships) {
        this.memberships = memberships;
    }

    /** Fails with a 400 naming {@code field} and the first user who may not be assigned in the project. */
    public Uni<Void> requireAssignable(UUID projectId, Collection<UUID> userIds, String field) {
        return Multi.createFrom().iterable(new LinkedHashSet<>(userIds))
                .onItem().transformToUniAndConcatenate(userId -> memberships.standing(projectId, userId).invoke(standing -> {
                    if (!standing.userActive() || standing.role() == null || !Permission.EXECUTE.grantedTo(standing.role())) {
                        throw new InvalidFieldsException(field, userId + " is not an active tester or lead of this project");
                    }
                }))
                .collect().last().replaceWithVoid();
    }
}
