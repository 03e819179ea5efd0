package io.testtrack.defect.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Reads execution-service's steps and runs as this service's projection holds them. */
@ApplicationScoped
public class ExecutionProjectionQueries {

    /** A recorded step with its run's environment and build. */
    public record RecordedStep(UUID executionId, int stepIndex, UUID runId, UUID projectId, UUID testCaseId, String caseKey,
            Integer caseVersion, String title, String action, String expected, String actualResult, String comment, String status,
            String environment, String buildVersion) {
    }

    private final Pool pool;

    public ExecutionProjectionQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<RecordedStep>> step(UUID executionId, int stepIndex) {
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
                            r.getString("comment"), r.getString("status"), r.getString("environment"), r.getString("build_version")));
                });
    }
}
