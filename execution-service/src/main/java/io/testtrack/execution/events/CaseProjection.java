package io.testtrack.execution.events;

import static io.testtrack.platform.persistence.NativeStatements.execute;

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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of test cases and of the suite tree from testcase-service's events,
 * through the inbox. A
 * snapshot older than the stored one is ignored, so a redelivery never rolls a case back. A case
 * with an automation key also claims the imported executions that were waiting for it. Consumed
 * a poll at a time (one transaction per batch), so a backlog of thousands of cases is quick.
 */
@ApplicationScoped
public class CaseProjection {

    public static final String CHANNEL = "testcase-events";
    private static final String CONSUMER = "case-projection";

    private static final String UPSERT = "INSERT INTO cases (test_case_id, project_id, key, version, title, type, priority, status, tags, "
            + "suite_id, automation_key, steps, deleted, updated_at) VALUES (:id, :project, :key, :version, :title, :type, :priority, "
            + ":status, CAST(CAST(:tags AS text) AS jsonb), :suite, :automationKey, CAST(CAST(:steps AS text) AS jsonb), false, now()) "
            + "ON CONFLICT (test_case_id) DO UPDATE SET key = :key, version = :version, title = :title, type = :type, "
            + "priority = :priority, status = :status, tags = CAST(CAST(:tags AS text) AS jsonb), suite_id = :suite, "
            + "automation_key = :automationKey, steps = CAST(CAST(:steps AS text) AS jsonb), deleted = false, updated_at = now() "
            + "WHERE cases.version <= :version";

    private static final String LINK = "UPDATE executions SET test_case_id = :id, case_key = :key, case_version = :version "
            + "WHERE project_id = :project AND automation_key = :automationKey AND test_case_id IS NULL";

    private final EventConsumer events;

    public CaseProjection(EventConsumer events) {
        this.events = events;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onTestCaseEvents(ConsumerRecords<String, String> records) {
        return events.consumeAll(CONSUMER, records, this::apply);
    }

    private Uni<Void> apply(EventEnvelope envelope) {
        DomainEvent event = EventCodec.payload(envelope).orElse(null);
        if (event instanceof TestCaseCreated e) {
            return upsert(e.testCase());
        }
        if (event instanceof TestCaseUpdated e) {
            return upsert(e.testCase());
        }
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

    private Uni<Void> upsert(TestCaseSnapshot c) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("id", c.id());
        values.put("project", c.projectId());
        values.put("key", c.key());
        values.put("version", c.version());
        values.put("title", c.title());
        values.put("type", c.type());
        values.put("priority", c.priority());
        values.put("status", c.status());
        values.put("tags", EventCodec.mapper().valueToTree(c.tags()).toString());
        values.put("suite", c.suiteId());
        values.put("automationKey", c.automationKey());
        values.put("steps", EventCodec.mapper().valueToTree(c.steps()).toString());
        Uni<Void> upsert = execute(UPSERT, values);
        if (c.automationKey() == null) {
            return upsert;
        }
        return upsert.chain(() -> execute(LINK, Map.of("id", c.id(), "key", c.key(), "version", c.version(), "project", c.projectId(),
                "automationKey", c.automationKey())));
    }
}
