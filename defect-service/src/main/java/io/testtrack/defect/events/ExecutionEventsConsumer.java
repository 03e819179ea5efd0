package io.testtrack.defect.events;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import io.smallrye.mutiny.Uni;
import io.testtrack.defect.service.WorkflowService;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.execution.ExecutionAttachmentAdded;
import io.testtrack.events.execution.ExecutionStatusChanged;
import io.testtrack.events.execution.RetestExecutionCreated;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.defect.domain.StepAttachment;
import io.testtrack.platform.inbox.EventConsumer;
import io.testtrack.platform.persistence.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * execution-service's events: runs and recorded steps become this service's projection (what a
 * defect filed from a failed step is prefilled with, its attachments linked); a re-test's creation and its outcome move
 * the defect it verifies. Through the inbox, a poll per transaction.
 */
@ApplicationScoped
public class ExecutionEventsConsumer {

    private static final String CONSUMER = "defect-execution-events";

    private final EventConsumer events;
    private final WorkflowService workflow;

    public ExecutionEventsConsumer(EventConsumer events, WorkflowService workflow) {
        this.events = events;
        this.workflow = workflow;
    }

    @Incoming("execution-events")
    public Uni<Void> onExecutionEvents(ConsumerRecords<String, String> records) {
        return events.applyPoll(CONSUMER, records, this::apply);
    }

    private Uni<Void> apply(EventEnvelope envelope) {
        DomainEvent event = EventCodec.payload(envelope).orElse(null);
        if (event instanceof RunCreated e) {
            Map<String, Object> p = new HashMap<>();
            p.put("run", e.runId());
            p.put("project", e.projectId());
            p.put("name", e.name());
            p.put("environment", e.environment());
            p.put("build", e.buildVersion());
            return execute("INSERT INTO execution_runs (run_id, project_id, name, environment, build_version) "
                    + "VALUES (:run, :project, :name, :environment, :build) ON CONFLICT (run_id) DO UPDATE SET name = :name, "
                    + "environment = :environment, build_version = :build", p);
        }
        if (event instanceof StepResultRecorded e) {
            Map<String, Object> p = new HashMap<>();
            p.put("execution", e.executionId());
            p.put("index", e.stepIndex());
            p.put("run", e.runId());
            p.put("project", e.projectId());
            p.put("case", e.testCaseId());
            p.put("caseKey", e.caseKey());
            p.put("caseVersion", e.caseVersion());
            p.put("title", e.title());
            p.put("action", e.action());
            p.put("expected", e.expected());
            p.put("actual", e.actualResult());
            p.put("comment", e.comment());
            p.put("status", e.status().name());
            return execute("INSERT INTO execution_steps (execution_id, step_index, run_id, project_id, test_case_id, case_key, "
                    + "case_version, title, action, expected, actual_result, comment, status) VALUES (:execution, :index, :run, :project, "
                    + "CAST(:case AS uuid), :caseKey, CAST(:caseVersion AS integer), :title, :action, :expected, :actual, :comment, :status) "
                    + "ON CONFLICT (execution_id, step_index) DO UPDATE SET test_case_id = EXCLUDED.test_case_id, "
                    + "case_key = EXCLUDED.case_key, case_version = EXCLUDED.case_version, title = EXCLUDED.title, action = EXCLUDED.action, "
                    + "expected = EXCLUDED.expected, actual_result = EXCLUDED.actual_result, comment = EXCLUDED.comment, "
                    + "status = EXCLUDED.status", p);
        }
        if (event instanceof ExecutionAttachmentAdded e) {
            return attachmentAdded(e);
        }
        if (event instanceof RetestExecutionCreated e) {
            return workflow.retestCreated(e);
        }
        if (event instanceof ExecutionStatusChanged e) {
            return workflow.retestEnded(e);
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Projected, and, when it belongs to a step defects were filed from already (a screenshot
     * announced after the filing), linked to those defects too, with a history entry each.
     */
    private Uni<Void> attachmentAdded(ExecutionAttachmentAdded e) {
        Map<String, Object> p = new HashMap<>();
        p.put("attachment", e.attachmentId());
        p.put("execution", e.executionId());
        p.put("index", e.stepIndex());
        p.put("project", e.projectId());
        p.put("name", e.fileName());
        p.put("type", e.contentType());
        p.put("size", e.size());
        Uni<Void> projected = execute("INSERT INTO execution_attachments (attachment_id, execution_id, step_index, project_id, file_name, "
                + "content_type, size_bytes) VALUES (:attachment, :execution, CAST(:index AS integer), :project, :name, :type, :size) "
                + "ON CONFLICT (attachment_id) DO NOTHING", p);
        if (e.stepIndex() == null) {
            return projected;
        }
        Map<String, Object> link = new HashMap<>();
        link.put("execution", e.executionId());
        link.put("index", e.stepIndex());
        link.put("ref", JsonColumn.write(List.of(StepAttachment.of(e.executionId(), e.attachmentId(), e.fileName(), e.contentType(),
                e.size()))));
        link.put("name", e.fileName());
        link.put("by", e.uploadedBy());
        return projected.chain(() -> execute("WITH linked AS (UPDATE defects SET step_attachments = step_attachments "
                + "|| CAST(CAST(:ref AS text) AS jsonb) WHERE execution_id = :execution AND step_index = :index "
                + "AND NOT step_attachments @> CAST(CAST(:ref AS text) AS jsonb) RETURNING id) "
                + "INSERT INTO defect_history (defect_id, actor_id, cause_execution_id, at, field, old_value, new_value) "
                + "SELECT id, CAST(:by AS uuid), :execution, now(), 'stepAttachments', NULL, :name FROM linked", link));
    }
}
