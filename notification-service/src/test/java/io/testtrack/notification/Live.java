package io.testtrack.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.RunSource;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.access.UserRegistered;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestPublisher;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Test data for live tests: events on the real broker, runs the service has heard of. */
public final class Live {

    private Live() {
    }

    public static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /**
     * A run of the project that notification-service knows (its RunCreated consumed): published
     * again until a member's socket may follow it, since a consumer group that has just joined
     * starts at the newest record, and joining may wait for a killed run's member to time out.
     */
    public static UUID knownRun(URI ws, UUID projectId, String memberToken) {
        UUID runId = UUID.randomUUID();
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service");
                SocketClient socket = SocketClient.ready(ws, memberToken)) {
            Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                execution.publish(new RunCreated(runId, projectId, "Run " + runId, "staging", "1.0", null, RunSource.MANUAL, 3, null));
                socket.subscribe("run:" + runId);
                JsonNode answer = socket.next(m -> m.path("channel").asText().equals("run:" + runId), "an answer about the run");
                return answer.path("type").asText().equals("subscribed");
            });
        }
        return runId;
    }

    /** Announces the members as auth-service would (their addresses), and waits until the projection has them. */
    public static void registered(Pool pool, TestProjects.Member... members) {
        try (TestPublisher auth = new TestPublisher("/testtrack/auth-service")) {
            for (TestProjects.Member member : members) {
                auth.publish(new UserRegistered(member.id(), member.email(), "User " + member.email(), GlobalRole.TESTER));
            }
        }
        for (TestProjects.Member member : members) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> pool
                    .preparedQuery("SELECT 1 FROM access_users WHERE user_id = $1 AND email = $2")
                    .execute(Tuple.of(member.id(), member.email())).await().atMost(Duration.ofSeconds(5)).size() == 1);
        }
    }

    /** An event of a family whose Java records this service does not use: built from its type name and JSON. */
    public static EventEnvelope raw(String type, String subject, ObjectNode data) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), "/testtrack/defect-service", type,
                Instant.now(), subject, EventEnvelope.CONTENT_TYPE, 1, "test-raw", data);
    }

    public static ObjectNode data() {
        return EventCodec.mapper().createObjectNode();
    }
}
