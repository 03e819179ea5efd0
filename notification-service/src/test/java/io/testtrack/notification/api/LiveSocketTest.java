package io.testtrack.notification.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.events.ProjectRole;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.MemberRemoved;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.notification.Live;
import io.testtrack.notification.SocketClient;
import io.testtrack.platform.testing.TestProjects.Member;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The socket protocol as a browser tab meets it, and what an attacker would try against it. */
@QuarkusTest
class LiveSocketTest {

    private static Project project;
    private static Project other;
    private static UUID runId;

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    RedisDataSource redis;

    private URI ws;

    @BeforeEach
    void setUp() {
        ws = Live.ws(http);
        if (project == null) {
            Project created = TestProjects.create("/api/notifications/unread-count");
            other = TestProjects.create("/api/notifications/unread-count");
            runId = Live.knownRun(ws, created.id(), created.tester().token());
            project = created;
        }
    }

    @Test
    void aSocketThatSendsNothingIsClosedWhenTheAuthTimeoutEnds() {
        try (SocketClient socket = SocketClient.connect(ws)) {
            socket.assertClosedWith(4401, "auth-timeout");
        }
    }

    @Test
    void anythingButAuthFirstClosesTheSocket() {
        try (SocketClient socket = SocketClient.connect(ws)) {
            socket.subscribe("project:" + project.id());
            socket.assertClosedWith(4401, "auth-required");
        }
        try (SocketClient socket = SocketClient.connect(ws)) {
            socket.send("not json");
            socket.assertClosedWith(4401, "auth-required");
        }
    }

    @ParameterizedTest
    @EnumSource(TestTokens.Forgery.class)
    void forgedAndExpiredTokensCloseTheSocket(TestTokens.Forgery forgery) {
        Member lead = project.lead();
        try (SocketClient socket = SocketClient.connect(ws)) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + TestTokens.forged(forgery, lead.id(), lead.email(), "ADMIN") + "\"}");
            socket.assertClosedWith(4401, "invalid-token");
            assertTrue(socket.drain(Duration.ZERO).stream().noneMatch(m -> m.path("type").asText().equals("ready")));
        }
    }

    @Test
    void anApiTokenCannotOpenASocket() {
        try (SocketClient socket = SocketClient.connect(ws)) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + TestTokens.apiToken(UUID.randomUUID(), project.id(), "TESTER") + "\"}");
            socket.assertClosedWith(4401, "invalid-token");
        }
    }

    @Test
    void theSocketClosesWhenItsTokenExpires() {
        Member tester = project.tester();
        try (SocketClient socket = SocketClient.ready(ws, TestTokens.validFor(tester.id(), tester.email(), "TESTER", 2))) {
            socket.assertClosedWith(4401, "token-expired");
        }
    }

    @Test
    void aNewAuthBeforeExpiryKeepsTheSocketOpen() {
        Member tester = project.tester();
        try (SocketClient socket = SocketClient.ready(ws, TestTokens.validFor(tester.id(), tester.email(), "TESTER", 2))) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + tester.token() + "\"}");
            assertEquals(tester.id().toString(), socket.next("ready").get("userId").asText());
            socket.drain(Duration.ofSeconds(3));
            assertFalse(socket.isClosed(), "the socket outlived its first token");
            socket.subscribe("project:" + project.id());
            assertEquals("project:" + project.id(), socket.next("subscribed").get("channel").asText());
        }
    }

    @Test
    void endingTheUsersSessionsClosesTheirSocketsAndRefusesTheOldToken() {
        Member user = TestProjects.user("TESTER");
        try (SocketClient socket = SocketClient.ready(ws, user.token())) {
            // what auth-service writes on logout everywhere or a password reset
            redis.value(Long.class).set("tt:session-generation:" + user.id(), 1L);
            socket.assertClosedWith(4401, "session-ended");
        }
        try (SocketClient again = SocketClient.connect(ws)) {
            again.send("{\"type\":\"auth\",\"token\":\"" + user.token() + "\"}");
            again.assertClosedWith(4401, "session-ended");
        } finally {
            redis.key(String.class).del("tt:session-generation:" + user.id());
        }
    }

    @Test
    void aSocketBelongsToOneUser() {
        Member tester = project.tester();
        try (SocketClient socket = SocketClient.ready(ws, tester.token())) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + project.lead().token() + "\"}");
            socket.assertClosedWith(4401, "invalid-token");
        }
    }

    @Test
    void aProjectOrRunOutsideTheUsersProjectsIsNotFound() {
        try (SocketClient socket = SocketClient.ready(ws, other.tester().token())) {
            for (String channel : List.of("project:" + project.id(), "run:" + runId, "run:" + UUID.randomUUID(),
                    "project:" + UUID.randomUUID())) {
                socket.subscribe(channel);
                JsonNode error = socket.next("error");
                assertEquals("not-found", error.get("code").asText());
                assertEquals(channel, error.get("channel").asText());
            }
        }
    }

    @Test
    void malformedAndOversizedMessagesAreRefusedAndTheSocketStaysOpen() {
        try (SocketClient socket = SocketClient.ready(ws, project.viewer().token())) {
            for (String bad : List.of("{", "[1,2]", "{\"type\":42}", "{\"type\":\"dance\"}", "{\"type\":\"subscribe\"}",
                    "{\"type\":\"subscribe\",\"channel\":\"user:" + project.lead().id() + "\"}",
                    "{\"type\":\"subscribe\",\"channel\":\"project:not-an-id\"}",
                    "{\"type\":\"presence\",\"runId\":\"" + runId + "\",\"state\":\"RECORDING\"}")) {
                socket.send(bad);
                JsonNode error = socket.next("error");
                assertTrue(List.of("malformed", "unknown-type").contains(error.get("code").asText()), bad + " → " + error);
            }
            socket.send("{\"type\":\"subscribe\",\"channel\":\"project:" + project.id() + "\",\"pad\":\"" + "x".repeat(5000) + "\"}");
            assertEquals("too-large", socket.next("error").get("code").asText());
            socket.subscribe("project:" + project.id());
            socket.next("subscribed");
        }
    }

    @Test
    void aFrameOverTheServersLimitClosesTheSocket() {
        try (SocketClient socket = SocketClient.ready(ws, project.viewer().token())) {
            socket.send("x".repeat(70_000));
            socket.assertClosedWith(1009, "message-too-big");
        }
    }

    @Test
    void aFloodIsRateLimitedThenClosed() {
        try (SocketClient socket = SocketClient.ready(ws, project.viewer().token())) {
            for (int i = 0; i < 60 && !socket.isClosed(); i++) {
                socket.subscribe("project:" + project.id());
            }
            assertEquals(4429, socket.closeCode(Duration.ofSeconds(10)));
            List<JsonNode> received = socket.drain(Duration.ofMillis(200));
            assertTrue(received.stream().anyMatch(m -> m.path("code").asText().equals("rate-limited")), received.toString());
        }
    }

    @Test
    void membersSeeTheirProjectsActivityAndNobodyElseDoes() {
        UUID executionId = UUID.randomUUID();
        try (SocketClient member = SocketClient.ready(ws, project.developer().token());
                SocketClient runWatcher = SocketClient.ready(ws, project.viewer().token());
                SocketClient outsider = SocketClient.ready(ws, other.lead().token());
                TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            member.subscribe("project:" + project.id());
            member.next("subscribed");
            runWatcher.subscribe("run:" + runId);
            runWatcher.next("subscribed");
            outsider.subscribe("project:" + other.id());
            outsider.next("subscribed");

            execution.publish(new StepResultRecorded(executionId, runId, project.id(), 2, StepStatus.FAIL, project.tester().id(), null, null, null, null, null, null, null, null));

            JsonNode event = member.next("event");
            assertEquals("project:" + project.id(), event.get("channel").asText());
            assertEquals(1, event.get("v").asInt());
            assertEquals("StepResultRecorded", event.at("/event/type").asText());
            assertEquals(executionId.toString(), event.at("/event/data/executionId").asText());
            assertEquals("FAIL", event.at("/event/data/status").asText());
            assertEquals(2, event.at("/event/data/stepIndex").asInt());
            JsonNode onRun = runWatcher.next("event");
            assertEquals("run:" + runId, onRun.get("channel").asText());
            assertEquals(event.at("/event/id"), onRun.at("/event/id"));
            assertTrue(outsider.drain(Duration.ofSeconds(1)).stream().noneMatch(m -> m.path("type").asText().equals("event")));
        }
    }

    @Test
    void aRemovedMembersSubscriptionsAndPresenceEndAtOnce() {
        Member removed = TestProjects.user("TESTER");
        UUID executionId = UUID.randomUUID();
        try (TestPublisher auth = new TestPublisher("/testtrack/auth-service");
                TestPublisher execution = new TestPublisher("/testtrack/execution-service");
                SocketClient observer = SocketClient.ready(ws, project.lead().token())) {
            auth.publish(new MemberAdded(project.id(), removed.id(), ProjectRole.TESTER, project.lead().id()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> removed.api().queryParam("projectId", project.id())
                    .get("/api/notifications/unread-count").statusCode() == 200);
            observer.subscribe("run:" + runId);
            observer.next("presence-list");
            try (SocketClient socket = SocketClient.ready(ws, removed.token())) {
                socket.subscribe("project:" + project.id());
                socket.next("subscribed");
                socket.subscribe("run:" + runId);
                socket.next("subscribed");
                socket.send("{\"type\":\"presence\",\"runId\":\"" + runId + "\",\"executionId\":\"" + executionId
                        + "\",\"state\":\"RECORDING\"}");
                observer.next(m -> m.path("type").asText().equals("presence") && m.path("userId").asText().equals(removed.id().toString())
                        && m.path("state").asText().equals("RECORDING"), "the member recording");

                auth.publish(new MemberRemoved(project.id(), removed.id(), project.lead().id()));

                List<String> ended = List.of(socket.next("unsubscribed"), socket.next("unsubscribed")).stream()
                        .peek(m -> assertEquals("access-revoked", m.get("reason").asText()))
                        .map(m -> m.get("channel").asText()).sorted().toList();
                assertEquals(List.of("project:" + project.id(), "run:" + runId), ended);
                // the others are told, while the removed member's socket is still open
                JsonNode gone = observer.next(m -> m.path("type").asText().equals("presence")
                        && m.path("userId").asText().equals(removed.id().toString()), "the removed member's presence ending");
                assertEquals("LEFT", gone.get("state").asText());
                try (SocketClient late = SocketClient.ready(ws, project.viewer().token())) {
                    late.subscribe("run:" + runId);
                    JsonNode list = late.next("presence-list");
                    assertFalse(list.toString().contains(removed.id().toString()), list.toString());
                }
                execution.publish(new StepResultRecorded(UUID.randomUUID(), runId, project.id(), 1, StepStatus.PASS, project.tester().id(), null, null, null, null, null, null, null, null));
                assertTrue(socket.drain(Duration.ofSeconds(2)).stream().noneMatch(m -> m.path("type").asText().equals("event")
                        || m.path("type").asText().equals("presence")));
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                    socket.subscribe("project:" + project.id());
                    return socket.next(m -> m.has("channel"), "an answer").path("type").asText().equals("error");
                });
                socket.send("{\"type\":\"presence\",\"runId\":\"" + runId + "\",\"state\":\"VIEWING\"}");
                assertEquals("not-subscribed", socket.next("error").get("code").asText());
            }
        }
    }

    @Test
    void presenceInARunIsSharedAndGoneOnLeave() {
        UUID executionId = UUID.randomUUID();
        try (SocketClient observer = SocketClient.ready(ws, project.lead().token())) {
            observer.subscribe("run:" + runId);
            observer.next("presence-list");
            try (SocketClient recorder = SocketClient.ready(ws, project.tester().token())) {
                recorder.send("{\"type\":\"presence\",\"runId\":\"" + runId + "\",\"state\":\"VIEWING\"}");
                assertEquals("not-subscribed", recorder.next("error").get("code").asText());
                recorder.subscribe("run:" + runId);
                recorder.next("subscribed");
                recorder.send("{\"type\":\"presence\",\"runId\":\"" + runId + "\",\"executionId\":\"" + executionId
                        + "\",\"state\":\"RECORDING\"}");
                JsonNode seen = observer.next("presence");
                assertEquals(project.tester().id().toString(), seen.get("userId").asText());
                assertEquals(executionId.toString(), seen.get("executionId").asText());
                assertEquals("RECORDING", seen.get("state").asText());

                try (SocketClient late = SocketClient.ready(ws, project.viewer().token())) {
                    late.subscribe("run:" + runId);
                    JsonNode list = late.next("presence-list");
                    assertTrue(list.toString().contains(executionId.toString()), list.toString());
                }
            }
            JsonNode left = observer.next(m -> m.path("type").asText().equals("presence") && m.path("state").asText().equals("LEFT"),
                    "the recorder leaving");
            assertEquals(project.tester().id().toString(), left.get("userId").asText());
        }
    }
}
