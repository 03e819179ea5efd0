package io.testtrack.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.testtrack.platform.probe.ProbeStopConsumer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A channel stopped by a failure that is neither retried nor parked (a bug) does not leave the
 * service half alive: liveness turns DOWN, so that the orchestrator (or scripts/stack.sh up)
 * restarts it, and the restart applies what waited. An application of its own, since its
 * channel stays stopped.
 */
@QuarkusTest
@TestProfile(StoppedChannelTest.OwnApplication.class)
class StoppedChannelTest {

    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Test
    void aStoppedChannelFailsLiveness() {
        given().get("/q/health/live").then().statusCode(200);
        String aggregate = "bug-" + UUID.randomUUID();
        ProbeStopConsumer.BROKEN_FOR.add(aggregate);
        given().contentType(ContentType.JSON)
                .body(Map.of("aggregate", aggregate, "from", 0, "count", 1, "failAfterRecording", false))
                .post("/probe/events").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/live").statusCode() == 503);
        given().get("/q/health/live").then().statusCode(503).body(containsString("probe-stop-in"));
    }
}
