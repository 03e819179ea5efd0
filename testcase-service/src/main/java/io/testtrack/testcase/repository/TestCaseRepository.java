package io.testtrack.testcase.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.testcase.domain.TestCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TestCaseRepository implements PanacheRepositoryBase<TestCase, UUID> {

    /** The case locked for the rest of the transaction, so concurrent edits of one case queue up. */
    public Uni<TestCase> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<TestCase>> lockAll(UUID projectId, Collection<UUID> ids) {
        return find("projectId = ?1 and id in ?2 order by number", projectId, ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<TestCase> liveWithAutomationKey(UUID projectId, String automationKey) {
        return find("projectId = ?1 and automationKey = ?2 and deletedAt is null", projectId, automationKey).firstResult();
    }

    public Uni<List<TestCase>> liveByKeys(UUID projectId, Collection<String> keys) {
        return list("projectId = ?1 and key in ?2 and deletedAt is null", projectId, keys);
    }

    public Uni<Long> liveInSuites(Collection<UUID> suiteIds) {
        return count("suiteId in ?1 and deletedAt is null", suiteIds);
    }

    public Uni<List<TestCase>> liveInSuitesLocked(Collection<UUID> suiteIds) {
        return find("suiteId in ?1 and deletedAt is null order by number", suiteIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

}
