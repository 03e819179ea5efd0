package io.testtrack.defect.repository;

import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.StepAttachment;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads execution-service's steps and runs as this service's projection holds them. */
@ApplicationScoped
public class ExecutionProjectionQueries {

    /** A recorded step with its run's environment and build. */
    public record RecordedStep(UUID executionId, int stepIndex, UUID runId, UUID projectId, UUID testCaseId, String caseKey,
            Integer caseVersion, String title, String action, String expected, String actualResult, String comment, String status,
            String environment, String buildVersion, List<StepAttachment> attachments) {
    }

    private final Pool pool;

    public ExecutionProjectionQueries(Pool pool) {
        this.pool = pool;
    }

    /** A recorded step with the attachments announced for it so far. */
    public Uni<Optional<RecordedStep>> step(UUID executionId, int stepIndex) {
        return pool.preparedQuery("SELECT attachment_id, file_name, content_type, size_bytes FROM execution_attachments "
                        + "WHERE execution_id = $1 AND step_index = $2 ORDER BY seq")
                .execute(Tuple.of(executionId, stepIndex))
                .map(rows -> {
                    List<StepAttachment> attachments = new ArrayList<>();
                    rows.forEach(a -> attachments.add(StepAttachment.of(executionId, a.getUUID("attachment_id"), a.getString("file_name"),
                            a.getString("content_type"), a.getLong("size_bytes"))));
                    return attachments;
                })
                .chain(attachments -> recordedStep(executionId, stepIndex, attachments));
    }

    private Uni<Optional<RecordedStep>> recordedStep(UUID executionId, int stepIndex, List<StepAttachment> attachments) {
        return pool.preparedQuery("SELECT s.*, r.environment, r.build_version FROM execution_steps s "
                        + "LEFT JOIN execution_runs r ON r.run_id = s.run_id WHERE s.execution_id = $1 AND s.step_index = $2")
                .execute(Tuple.of(executionId, stepIndex))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    return Optional.of(new RecordedStep(r.getUUID("execution_id"), r.getInteger("step_index"), r.getUUID("run_id"),
                            r.getUUID("project_id"), r.getUUID("test_case_id"), r.getString("case_key"), r.getInteger("case_version"),
                            r.getString("title"), r.getString("action"), r.getString("expected"), r.getString("actual_result"),
                            r.getString("comment"), r.getString("status"), r.getString("environment"), r.getString("build_version"),
                            attachments));
                });
    }
}
