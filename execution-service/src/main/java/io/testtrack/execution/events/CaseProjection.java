package io.testtrack.execution.events;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.testcase.SuiteDeleted;
import io.testtrack.events.testcase.SuiteSaved;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.TestCaseDeleted;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.events.testcase.TestCaseUpdated;
import io.testtrack.platform.inbox.EventConsumer;
import io.testtrack.platform.persistence.NativeStatements;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of test cases and of the suite tree from testcase-service's events,
 * through the inbox. A snapshot older than the stored one is ignored, so a redelivery never rolls a
 * case back. A case with an automation key also claims the imported executions that were waiting for it. Consumed
 * a poll at a time (one transaction per batch), so a backlog of thousands of cases is quick: the
 * snapshots of consecutive created and updated events are written with one statement per thousand
 * cases (the newest of each case), the other events one by one in between, in their order.
 */
@ApplicationScoped
public class CaseProjection {

    public static final String CHANNEL = "testcase-events";
    private static final String CONSUMER = "case-projection";

    /** Snapshots, one per case; one older than the stored one changes nothing (a redelivery never rolls a case back). */
    private static final String UPSERT_ALL = "INSERT INTO cases (test_case_id, project_id, key, version, title, type, priority, "
            + "status, tags, suite_id, automation_key, steps, deleted, updated_at) "
            + "SELECT r.*, false, now() FROM json_to_recordset(CAST(CAST(:rows AS text) AS json)) AS r(test_case_id uuid, "
            + "project_id uuid, key text, version integer, title text, type text, priority text, status text, tags jsonb, "
            + "suite_id uuid, automation_key text, steps jsonb) "
            + "ON CONFLICT (test_case_id) DO UPDATE SET key = excluded.key, version = excluded.version, title = excluded.title, "
            + "type = excluded.type, priority = excluded.priority, status = excluded.status, tags = excluded.tags, "
            + "suite_id = excluded.suite_id, automation_key = excluded.automation_key, steps = excluded.steps, deleted = false, "
            + "updated_at = now() WHERE cases.version <= excluded.version";

    /**
     * Imported executions that were waiting for a case with their automation key now belong to it;
     * of two cases with one key in the set, the first, as applying them in order would have it.
     */
    private static final String LINK_ALL = "UPDATE executions e SET test_case_id = r.test_case_id, case_key = r.key, "
            + "case_version = r.version FROM (SELECT DISTINCT ON (project_id, automation_key) * "
            + "FROM ROWS FROM (json_to_recordset(CAST(CAST(:rows AS text) AS json)) AS (test_case_id uuid, project_id uuid, "
            + "key text, version integer, automation_key text)) WITH ORDINALITY "
            + "AS r(test_case_id, project_id, key, version, automation_key, n) ORDER BY project_id, automation_key, n) r "
            + "WHERE e.project_id = r.project_id AND e.automation_key = r.automation_key AND e.test_case_id IS NULL";

    private final EventConsumer events;

    public CaseProjection(EventConsumer events) {
        this.events = events;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onTestCaseEvents(ConsumerRecords<String, String> records) {
        return events.applyNewTogether(CONSUMER, records, this::applyAll);
    }

    /**
     * The poll's new events in order; each run of snapshots between other events as one set. The
     * steps run one after the other through a {@link Multi}, never as one {@link Uni} chained once
     * per event: a poll of hundreds of suite events would nest that chain hundreds of operators
     * deep, and subscribing to it overflows the stack of the thread that runs it (the failure is
     * lost on the event loop, and the transaction is left open for good).
     */
    private Uni<Void> applyAll(List<EventEnvelope> envelopes) {
        List<Supplier<Uni<Void>>> steps = new ArrayList<>();
        Map<UUID, TestCaseSnapshot> snapshots = new LinkedHashMap<>();
        for (EventEnvelope envelope : envelopes) {
            DomainEvent event = EventCodec.payload(envelope).orElse(null);
            TestCaseSnapshot snapshot = event instanceof TestCaseCreated e ? e.testCase()
                    : event instanceof TestCaseUpdated e ? e.testCase() : null;
            if (snapshot != null) {
                // the newest version of each case: what applying them one by one would leave
                snapshots.merge(snapshot.id(), snapshot, (kept, next) -> next.version() >= kept.version() ? next : kept);
                continue;
            }
            if (!snapshots.isEmpty()) {
                Map<UUID, TestCaseSnapshot> before = snapshots;
                steps.add(() -> upsertAll(before));
                snapshots = new LinkedHashMap<>();
            }
            steps.add(() -> apply(event));
        }
        if (!snapshots.isEmpty()) {
            Map<UUID, TestCaseSnapshot> last = snapshots;
            steps.add(() -> upsertAll(last));
        }
        return Multi.createFrom().iterable(steps)
                .onItem().transformToUniAndConcatenate(Supplier::get)
                .collect().last().replaceWithVoid();
    }

    private static Uni<Void> upsertAll(Map<UUID, TestCaseSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<CaseRow> rows = snapshots.values().stream().map(CaseRow::new).toList();
        List<CaseRow> automated = rows.stream().filter(row -> row.automationKey() != null).toList();
        return NativeStatements.forRows(UPSERT_ALL, rows, row -> row)
                .chain(() -> automated.isEmpty() ? Uni.createFrom().voidItem() : NativeStatements.forRows(LINK_ALL, automated, row -> row));
    }

    /** A snapshot's columns, as {@code json_to_recordset} reads them. */
    private record CaseRow(@JsonProperty("test_case_id") UUID id, @JsonProperty("project_id") UUID projectId, String key,
            int version, String title, String type, String priority, String status, JsonNode tags,
            @JsonProperty("suite_id") UUID suiteId, @JsonProperty("automation_key") String automationKey, JsonNode steps) {

        CaseRow(TestCaseSnapshot c) {
            this(c.id(), c.projectId(), c.key(), c.version(), c.title(), c.type(), c.priority(), c.status(),
                    EventCodec.mapper().valueToTree(c.tags() == null ? List.of() : c.tags()), c.suiteId(), c.automationKey(),
                    EventCodec.mapper().valueToTree(c.steps() == null ? List.of() : c.steps()));
        }
    }

    private static Uni<Void> apply(DomainEvent event) {
        if (event instanceof SuiteSaved e) {
            Map<String, Object> values = new java.util.HashMap<>();
            values.put("id", e.suiteId());
            values.put("project", e.projectId());
            values.put("parent", e.parentId() == null ? null : e.parentId().toString());
            return execute("INSERT INTO suites (suite_id, project_id, parent_id) VALUES (:id, :project, CAST(:parent AS uuid)) "
                    + "ON CONFLICT (suite_id) DO UPDATE SET parent_id = CAST(:parent AS uuid), deleted = false, updated_at = now()", values);
        }
        if (event instanceof SuiteDeleted e) {
            return execute("INSERT INTO suites (suite_id, project_id, deleted) VALUES (:id, :project, true) "
                    + "ON CONFLICT (suite_id) DO UPDATE SET deleted = true, updated_at = now()", Map.of("id", e.suiteId(), "project", e.projectId()));
        }
        if (event instanceof TestCaseDeleted e) {
            return execute("UPDATE cases SET deleted = true, updated_at = now() WHERE test_case_id = :id", Map.of("id", e.testCaseId()));
        }
        return Uni.createFrom().voidItem();
    }
}
