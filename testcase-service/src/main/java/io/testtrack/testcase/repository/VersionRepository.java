package io.testtrack.testcase.repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.platform.persistence.NativeStatements;
import io.testtrack.testcase.domain.CaseContent;
import io.testtrack.testcase.domain.TestCaseVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VersionRepository implements PanacheRepositoryBase<TestCaseVersion, TestCaseVersion.Key> {

    /** A version as a row of {@link #insertAll}'s statement, named as its columns. */
    private record Row(@JsonProperty("test_case_id") UUID testCaseId, int version, CaseContent content,
            List<TestCaseSnapshot.Step> steps, List<String> changes, String summary, @JsonProperty("changed_by") UUID changedBy,
            @JsonProperty("changed_at") Instant changedAt) {

        Row(TestCaseVersion v) {
            this(v.testCaseId, v.version, v.content, v.steps, v.changes, v.summary, v.changedBy, v.changedAt);
        }
    }

    private static final String INSERT_ALL = "INSERT INTO test_case_versions (test_case_id, version, content, steps, changes, summary, "
            + "changed_by, changed_at) SELECT * FROM json_to_recordset(CAST(CAST(:rows AS text) AS json)) AS r(test_case_id uuid, version integer, "
            + "content jsonb, steps jsonb, changes jsonb, summary text, changed_by uuid, changed_at timestamptz)";

    /** Inserts versions in the current transaction with one statement per thousand, not one each. */
    public Uni<Void> insertAll(List<TestCaseVersion> versions) {
        return NativeStatements.forRows(INSERT_ALL, versions, Row::new);
    }

    public Uni<List<TestCaseVersion>> of(UUID testCaseId) {
        return list("testCaseId = ?1 order by version desc", testCaseId);
    }

    public Uni<TestCaseVersion> get(UUID testCaseId, int version) {
        return findById(new TestCaseVersion.Key(testCaseId, version));
    }
}
