package io.testtrack.testcase.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.testcase.domain.TestCaseVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VersionRepository implements PanacheRepositoryBase<TestCaseVersion, TestCaseVersion.Key> {

    public Uni<List<TestCaseVersion>> of(UUID testCaseId) {
        return list("testCaseId = ?1 order by version desc", testCaseId);
    }

    public Uni<TestCaseVersion> get(UUID testCaseId, int version) {
        return findById(new TestCaseVersion.Key(testCaseId, version));
    }
}
