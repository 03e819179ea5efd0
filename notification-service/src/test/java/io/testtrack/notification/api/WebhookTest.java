package io.testtrack.notification.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.events.execution.RunCompleted;
import io.testtrack.events.execution.StatusCounts;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.notification.Live;
import io.testtrack.notification.SocketClient;
import io.testtrack.notification.domain.WebhookRules;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A LEAD's webhooks against a real HTTP receiver on loopback (which the test profile allows). */
@QuarkusTest
class WebhookTest {

    /** What the receiver got: headers and body per request, by path. */
    record Received(Map<String, String> headers, String body) {
    }

    private static Project project;
    private static Project other;
    private static UUID runId;
    private static HttpServer receiver;
    private static final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    /** Per path: how many requests still get a 500 before 200s ({@code Integer.MAX_VALUE}: always). */
    private static final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();

    @Inject
    Vertx vertx;

    @TestHTTPResource("/ws")
    URI http;

    @BeforeEach
    void setUp() throws Exception {
        if (project == null) {
            Project created = TestProjects.create("/api/notifications/unread-count");
            other = TestProjects.create("/api/notifications/unread-count");
            runId = Live.knownRun(Live.ws(http), created.id(), created.lead().token());
            receiver = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                Map<String, String> headers = new ConcurrentHashMap<>();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                received.computeIfAbsent(request.path(), p -> new CopyOnWriteArrayList<>()).add(new Received(headers, body.toString()));
                AtomicInteger failures = failFirst.get(request.path());
                boolean fail = failures != null && failures.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : Math.max(0, left - 1)) > 0;
                request.response().setStatusCode(fail ? 500 : 204).end();
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            project = created;
        }
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.actualPort() + path;
    }

    @Test
    void aDeliveryIsSignedFilteredAndLogged() throws Exception {
        String secret = "a-secret-of-sixteen-or-more";
        String id = project.lead().api().body(Map.of("projectId", project.id(), "url", url("/signed"), "eventTypes", List.of("RunCompleted"),
                        "secret", secret))
                .post("/api/webhooks").then().statusCode(201).body("secret", equalTo(secret)).body("active", equalTo(true))
                .extract().path("id");
        project.lead().api().get("/api/webhooks/" + id).then().statusCode(200).body("secret", org.hamcrest.Matchers.nullValue());
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            execution.publish(new StepResultRecorded(UUID.randomUUID(), runId, project.id(), 1, StepStatus.PASS, project.tester().id(), null, null, null, null, null, null, null, null));
            String eventId = execution.publish(new RunCompleted(runId, project.id(), new StatusCounts(1, 0, 0, 0, 0, 0, 0))).id();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.getOrDefault("/signed", List.of()).size() >= 1);
            Thread.sleep(1000);
            List<Received> got = received.get("/signed");
            assertEquals(1, got.size(), "only the RunCompleted: the filter leaves StepResultRecorded out");
            Received delivery = got.get(0);
            JsonNode body = new ObjectMapper().readTree(delivery.body());
            assertEquals("RunCompleted", body.get("type").asText());
            assertEquals(eventId, body.get("id").asText());
            assertEquals(runId.toString(), body.at("/data/runId").asText());
            assertEquals("RunCompleted", delivery.headers().get("x-testtrack-event"));
            long timestamp = Long.parseLong(delivery.headers().get("x-testtrack-timestamp"));
            assertTrue(Math.abs(timestamp - System.currentTimeMillis() / 1000) < 60);
            assertEquals(WebhookRules.signature(secret, timestamp, delivery.body()), delivery.headers().get("x-testtrack-signature"));
            assertFalse(delivery.headers().get("x-testtrack-signature").equals(WebhookRules.signature("another-secret-entirely", timestamp,
                    delivery.body())));
            String deliveryId = delivery.headers().get("x-testtrack-delivery");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(project.lead().api()
                    .get("/api/webhooks/" + id + "/deliveries").jsonPath().getString("items[0].status")));
            project.lead().api().get("/api/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .body("items[0].id", equalTo(deliveryId)).body("items[0].lastStatusCode", equalTo(204))
                    .body("items[0].attempts", equalTo(1)).body("items[0].latencyMs", org.hamcrest.Matchers.notNullValue());

            project.lead().api().post("/api/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202)
                    .body("redeliveryOf", equalTo(deliveryId)).body("status", equalTo("PENDING"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.get("/signed").size() == 2);
            assertEquals(eventId, new ObjectMapper().readTree(received.get("/signed").get(1).body()).get("id").asText());
            project.lead().api().post("/api/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);
        }
    }

    @Test
    void aFailingDeliveryIsRetriedWithGrowingPauses() {
        failFirst.put("/flaky", new AtomicInteger(2));
        String id = project.lead().api().body(Map.of("projectId", project.id(), "url", url("/flaky"), "eventTypes", List.of("RunCompleted")))
                .post("/api/webhooks").then().statusCode(201).body("secret", startsWith("whsec_")).extract().path("id");
        try (TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            execution.publish(new RunCompleted(runId, project.id(), new StatusCounts(0, 1, 0, 0, 0, 0, 0)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(project.lead().api()
                .get("/api/webhooks/" + id + "/deliveries").jsonPath().getString("items[0].status")));
        project.lead().api().get("/api/webhooks/" + id + "/deliveries").then().body("items[0].attempts", equalTo(3));
        List<Received> attempts = received.get("/flaky");
        assertEquals(3, attempts.size());
        long first = Long.parseLong(attempts.get(0).headers().get("x-testtrack-timestamp"));
        long third = Long.parseLong(attempts.get(2).headers().get("x-testtrack-timestamp"));
        assertTrue(third - first >= 2, "pauses of 1 s then 2 s between the attempts: " + (third - first));
        project.lead().api().get("/api/webhooks/" + id).then().body("active", equalTo(true));
    }

    @Test
    void aWebhookThatKeepsFailingIsDisabledAndTheLeadsAreTold() {
        failFirst.put("/down", new AtomicInteger(Integer.MAX_VALUE));
        String id = project.lead().api().body(Map.of("projectId", project.id(), "url", url("/down")))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
        try (SocketClient lead = SocketClient.ready(Live.ws(http), project.lead().token());
                TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            execution.publish(new RunCompleted(runId, project.id(), new StatusCounts(0, 0, 1, 0, 0, 0, 0)));
            JsonNode told = lead.next(m -> m.path("type").asText().equals("notification")
                    && m.at("/notification/eventType").asText().equals("WebhookDisabled")
                    && m.at("/notification/data/webhookId").asText().equals(id), "the lead told");
            assertTrue(told.at("/notification/title").asText().endsWith("/down"), told.toString());
        }
        project.lead().api().get("/api/webhooks/" + id).then().body("active", equalTo(false))
                .body("disabledReason", containsString("500"));
        project.lead().api().body(Map.of("active", true)).put("/api/webhooks/" + id).then().statusCode(200)
                .body("active", equalTo(true)).body("disabledReason", org.hamcrest.Matchers.nullValue());
        project.lead().api().delete("/api/webhooks/" + id).then().statusCode(204);
        project.lead().api().get("/api/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void internalAddressesAndBadUrlsAreRefused() {
        for (String bad : List.of("http://10.0.0.7/hook", "http://192.168.1.1/", "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data",
                "http://[fd00:ec2::254]/", "http://[::ffff:10.0.0.1]/", "http://100.64.0.1/", "http://0.0.0.0/", "ftp://example.com/",
                "http://user:pw@example.com/", "not a url", "http:///nohost")) {
            project.lead().api().body(Map.of("projectId", project.id(), "url", bad)).post("/api/webhooks").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("url"));
        }
        project.lead().api().body(Map.of("projectId", project.id(), "url", url("/x"), "secret", "short")).post("/api/webhooks")
                .then().statusCode(400);
        project.lead().api().body(Map.of("projectId", project.id(), "url", url("/x"), "eventTypes", List.of("run completed")))
                .post("/api/webhooks").then().statusCode(400);
    }

    @Test
    void onlyTheProjectsLeadsManageItsWebhooks() {
        project.tester().api().body(Map.of("projectId", project.id(), "url", url("/t"))).post("/api/webhooks").then().statusCode(403);
        other.lead().api().body(Map.of("projectId", project.id(), "url", url("/t"))).post("/api/webhooks").then().statusCode(404);
        String id = project.lead().api().body(Map.of("projectId", project.id(), "url", url("/mine"))).post("/api/webhooks")
                .then().statusCode(201).extract().path("id");
        other.lead().api().get("/api/webhooks/" + id).then().statusCode(404);
        other.lead().api().get("/api/webhooks/" + id + "/deliveries").then().statusCode(404);
        other.lead().api().delete("/api/webhooks/" + id).then().statusCode(404);
        project.viewer().api().get("/api/webhooks/" + id).then().statusCode(403);
        project.viewer().api().queryParam("projectId", project.id()).get("/api/webhooks").then().statusCode(403);
        project.lead().api().queryParam("projectId", project.id()).get("/api/webhooks").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(id));
        project.lead().api().get("/api/webhooks").then().statusCode(400);
        project.lead().api().body(Map.of("url", "http://10.1.1.1/")).put("/api/webhooks/" + id).then().statusCode(400);
    }
}
