package io.testtrack.testcase.api;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.testcase.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.testcase.service.TrashPurge;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Edits that race: exactly one wins, the others learn why; and the trash empties itself after the retention. */
@QuarkusTest
class ConcurrencyTest {

    @Inject
    TrashPurge purge;

    @Inject
    Pool pool;

    @Test
    void ofTenEditsAgainstOneVersionExactlyOneWins() throws Exception {
        Project project = Fixtures.project();
        String id = Fixtures.createCase(project, "Contended");
        List<Integer> statuses = race(10, i -> project.tester().api()
                .body(Fixtures.caseBody(project.id(), "Edit " + i, "version", 1)).put("/api/tests/" + id).statusCode());
        assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
        assertEquals(9, Collections.frequency(statuses, 409), statuses.toString());
        project.tester().api().get("/api/tests/" + id + "/versions").then().body("size()", is(2));
    }

    @Test
    void ofTenCreatesWithOneAutomationKeyExactlyOneWins() throws Exception {
        Project project = Fixtures.project();
        List<Integer> statuses = race(10, i -> project.tester().api()
                .body(Fixtures.caseBody(project.id(), "Racer " + i, "automationKey", "race#one")).post("/api/tests").statusCode());
        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(9, Collections.frequency(statuses, 409), statuses.toString());
        project.tester().api().queryParam("projectId", project.id()).get("/api/tests").then().body("total", is(1));
    }

    @Test
    void theTrashKeepsCasesForThirtyDays() {
        Project project = Fixtures.project();
        String recent = Fixtures.createCase(project, "Deleted yesterday");
        String old = Fixtures.createCase(project, "Deleted long ago");
        project.tester().api().delete("/api/tests/" + recent).then().statusCode(204);
        project.tester().api().delete("/api/tests/" + old).then().statusCode(204);
        pool.preparedQuery("UPDATE test_cases SET deleted_at = now() - interval '31 days' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(old))).await().atMost(Duration.ofSeconds(5));
        purge.purge().await().atMost(Duration.ofSeconds(10));
        project.tester().api().post("/api/tests/" + recent + "/restore").then().statusCode(200);
        project.tester().api().post("/api/tests/" + old + "/restore").then().statusCode(404);
        long versions = pool.preparedQuery("SELECT count(*) FROM test_case_versions WHERE test_case_id = $1")
                .execute(Tuple.of(UUID.fromString(old))).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertEquals(0, versions, "its history goes with it");
    }

    interface Attempt {
        int run(int i);
    }

    private static List<Integer> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                calls.add(() -> attempt.run(k));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
