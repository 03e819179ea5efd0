package io.testtrack.testcase.repository;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.persistence.NativeStatements;
import io.testtrack.testcase.domain.StepItem;
import io.testtrack.testcase.domain.TestCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class TestCaseRepository implements PanacheRepositoryBase<TestCase, UUID> {

    /** A new case as a row of {@link #insertAll}'s statement, named as its columns. */
    private record Row(UUID id, @JsonProperty("project_id") UUID projectId, int number, String key, String title, String description,
            String preconditions, String type, String priority, String status, List<String> tags,
            @JsonProperty("estimate_minutes") Integer estimateMinutes, @JsonProperty("suite_id") UUID suiteId,
            @JsonProperty("automation_key") String automationKey, List<StepItem> steps,
            @JsonProperty("custom_fields") Map<String, Object> customFields, @JsonProperty("steps_text") String stepsText, int version,
            @JsonProperty("created_by") UUID createdBy, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_by") UUID updatedBy, @JsonProperty("updated_at") Instant updatedAt) {

        Row(TestCase c) {
            this(c.id, c.projectId, c.number, c.key, c.title, c.description, c.preconditions, c.type.name(), c.priority.name(),
                    c.status.name(), c.tags, c.estimateMinutes, c.suiteId, c.automationKey, c.steps, c.customFields, c.stepsText,
                    c.version, c.createdBy, c.createdAt, c.updatedBy, c.updatedAt);
        }
    }

    private static final String INSERT_ALL = "INSERT INTO test_cases (id, project_id, number, key, title, description, preconditions, "
            + "type, priority, status, tags, estimate_minutes, suite_id, automation_key, steps, custom_fields, steps_text, version, "
            + "created_by, created_at, updated_by, updated_at) "
            + "SELECT * FROM json_to_recordset(CAST(CAST(:rows AS text) AS json)) AS r(id uuid, project_id uuid, number integer, key text, "
            + "title text, description text, preconditions text, type text, priority text, status text, tags jsonb, "
            + "estimate_minutes integer, suite_id uuid, automation_key text, steps jsonb, custom_fields jsonb, steps_text text, "
            + "version integer, created_by uuid, created_at timestamptz, updated_by uuid, updated_at timestamptz)";

    /**
     * Inserts new cases in the current transaction with one statement per thousand, not one
     * each; they do not become managed entities of the session.
     */
    public Uni<Void> insertAll(List<TestCase> created) {
        return NativeStatements.forRows(INSERT_ALL, created, Row::new);
    }

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
