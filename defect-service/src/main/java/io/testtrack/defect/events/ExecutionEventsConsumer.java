package io.testtrack.defect.events;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import io.smallrye.mutiny.Uni;
import io.testtrack.defect.service.WorkflowService;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.execution.ExecutionStatusChanged;
import io.testtrack.events.execution.RetestExecutionCreated;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * execution-service's events: runs and recorded steps become this service's projection (what a
 * defect filed from a failed step is prefilled with); a re-test's creation and its outcome move
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
        return events.consumeAll(CONSUMER, records, this::apply);
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
        if (event instanceof RetestExecutionCreated e) {
            return workflow.retestCreated(e);
        }
        if (event instanceof ExecutionStatusChanged e) {
            return workflow.retestEnded(e);
        }
        return Uni.createFrom().voidItem();
    }
}
