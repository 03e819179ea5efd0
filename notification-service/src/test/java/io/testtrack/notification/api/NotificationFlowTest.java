package io.testtrack.notification.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.testtrack.events.EventEnvelope;
import io.testtrack.notification.Live;
import io.testtrack.notification.SocketClient;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Member;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Defect events to the people they concern: live on their socket, stored, listed, read, deleted, as they chose. */
@QuarkusTest
class NotificationFlowTest {

    private static Project project;

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    Pool pool;

    private URI ws;

    @BeforeEach
    void setUp() {
        ws = Live.ws(http);
        if (project == null) {
            Project created = TestProjects.create("/api/notifications/unread-count");
            // the activity consumer is assigned its partitions before any test relies on it
            Live.knownRun(ws, created.id(), created.viewer().token());
            Live.registered(pool, created.viewer());
            project = created;
        }
    }

    @Test
    void theAssigneeAndTheReporterHearOfAnAssignmentLiveAndInTheirList() {
        UUID defectId = UUID.randomUUID();
        try (SocketClient developer = SocketClient.ready(ws, project.developer().token());
                SocketClient lead = SocketClient.ready(ws, project.lead().token());
                TestPublisher defects = new TestPublisher("/testtrack/defect-service")) {
            defects.publish(created(defectId, "BUG-1", "Checkout fails", project.tester()));
            defects.publish(assigned(defectId, project.developer(), project.lead()));

            JsonNode live = developer.next("notification");
            assertEquals("user:" + project.developer().id(), live.get("channel").asText());
            assertEquals("DefectAssigned", live.at("/notification/eventType").asText());
            assertEquals("assignee", live.at("/notification/reason").asText());
            assertEquals("Defect assigned: BUG-1 Checkout fails", live.at("/notification/title").asText());
            assertTrue(lead.drain(Duration.ofSeconds(1)).stream().noneMatch(m -> m.path("type").asText().equals("notification")),
                    "who assigned it is not told");

            project.developer().api().get("/api/notifications").then().statusCode(200)
                    .body("items[0].id", equalTo(live.at("/notification/id").asText()))
                    .body("items[0].read", equalTo(false))
                    .body("items[0].data.defectId", equalTo(defectId.toString()));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> project.tester().api().get("/api/notifications")
                    .jsonPath().getList("items.findAll { it.data.defectId == '" + defectId + "' }.reason").contains("reporter"));
        }
    }

    @Test
    void anEventDeliveredTwiceNotifiesOnce() {
        UUID defectId = UUID.randomUUID();
        try (TestPublisher defects = new TestPublisher("/testtrack/defect-service")) {
            defects.publish(created(defectId, "BUG-2", "Twice", project.lead()));
            EventEnvelope assignment = assigned(defectId, project.developer(), project.lead());
            defects.publish(assignment);
            defects.publish(assignment);
            EventEnvelope again = assigned(defectId, project.developer(), project.lead());
            defects.publish(again);
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> countFor(project.developer(), defectId) == 2);
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> countFor(project.developer(), defectId) == 2);
        }
    }

    @Test
    void mentionsAndWatchersHearOfCommentsAndPreferencesDecide() {
        UUID defectId = UUID.randomUUID();
        Member lead = project.lead();
        Member tester = project.tester();
        Member viewer = project.viewer();
        // the lead follows every status change in the project; the tester, reporter, wants none in the app
        lead.api().body(Map.of("preferences", List.of(Map.of("eventType", "DefectStatusChanged", "inApp", true, "email", "NONE",
                "allProjects", true)))).put("/api/notifications/preferences").then().statusCode(200)
                .body("preferences.eventType", hasItem("DefectStatusChanged"));
        tester.api().body(Map.of("preferences", List.of(Map.of("eventType", "DefectStatusChanged", "inApp", false, "email", "NONE",
                "allProjects", false)))).put("/api/notifications/preferences").then().statusCode(200);
        try (SocketClient viewerSocket = SocketClient.ready(ws, viewer.token());
                SocketClient leadSocket = SocketClient.ready(ws, lead.token());
                TestPublisher defects = new TestPublisher("/testtrack/defect-service")) {
            defects.publish(created(defectId, "BUG-3", "Mentioned", tester));
            ObjectNode comment = Live.data().put("defectId", defectId.toString()).put("projectId", project.id().toString())
                    .put("commentId", UUID.randomUUID().toString()).put("authorId", project.developer().id().toString())
                    .put("excerpt", "@" + viewer.email().toUpperCase() + " can you look?");
            defects.publish(Live.raw("testtrack.defect.DefectCommented", defectId.toString(), comment));
            JsonNode mention = viewerSocket.next("notification");
            assertEquals("mentioned", mention.at("/notification/reason").asText());

            ObjectNode status = Live.data().put("defectId", defectId.toString()).put("projectId", project.id().toString())
                    .put("previousStatus", "NEW").put("status", "ASSIGNED").put("changedBy", viewer.id().toString());
            defects.publish(Live.raw("testtrack.defect.DefectStatusChanged", defectId.toString(), status));
            JsonNode followed = leadSocket.next(m -> m.path("type").asText().equals("notification")
                    && m.at("/notification/eventType").asText().equals("DefectStatusChanged"), "the lead's status notification");
            assertEquals("subscribed", followed.at("/notification/reason").asText());
            // the developer commented, so watches the defect now
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> project.developer().api().get("/api/notifications")
                    .jsonPath().getList("items.findAll { it.data.defectId == '" + defectId + "' }.reason").contains("watcher"));
            assertTrue(tester.api().get("/api/notifications").jsonPath()
                    .getList("items.findAll { it.data.defectId == '" + defectId + "' && it.eventType == 'DefectStatusChanged' }").isEmpty());
        }
    }

    @Test
    void aListPagesUnreadFirstAndReadDeleteAndReadAllWork() {
        Member user = TestProjects.user("TESTER");
        // a member of its own: the list is the user's only
        try (TestPublisher auth = new TestPublisher("/testtrack/auth-service");
                TestPublisher defects = new TestPublisher("/testtrack/defect-service")) {
            auth.publish(new io.testtrack.events.access.MemberAdded(project.id(), user.id(), io.testtrack.events.ProjectRole.DEVELOPER,
                    project.lead().id()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> user.api().queryParam("projectId", project.id())
                    .get("/api/notifications/unread-count").statusCode() == 200);
            for (int i = 0; i < 3; i++) {
                UUID defectId = UUID.randomUUID();
                defects.publish(created(defectId, "BUG-P" + i, "Page " + i, project.lead()));
                defects.publish(assigned(defectId, user, project.lead()));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> user.api().get("/api/notifications/unread-count")
                .jsonPath().getLong("unread") == 3);
        List<String> ids = user.api().get("/api/notifications").jsonPath().getList("items.id");
        assertEquals(3, ids.size());
        String oldest = ids.get(2);
        try (SocketClient otherTab = SocketClient.ready(ws, user.token())) {
            user.api().post("/api/notifications/" + oldest + "/read").then().statusCode(204);
            assertEquals(2, otherTab.next("unread-count").get("count").asInt());
        }
        List<String> paged = new ArrayList<>();
        List<Boolean> read = new ArrayList<>();
        String cursor = null;
        do {
            var page = user.api().queryParam("limit", 1).queryParam("cursor", cursor == null ? "" : cursor).get("/api/notifications")
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            read.addAll(page.getList("items.read"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(ids.get(0), ids.get(1), oldest), paged, "unread newest first, then read");
        assertEquals(List.of(false, false, true), read);
        user.api().queryParam("projectId", project.id()).get("/api/notifications/unread-count").then().body("unread", equalTo(2));

        Member stranger = project.viewer();
        stranger.api().post("/api/notifications/" + oldest + "/read").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        stranger.api().delete("/api/notifications/" + oldest).then().statusCode(404);
        user.api().delete("/api/notifications/" + oldest).then().statusCode(204);
        user.api().delete("/api/notifications/" + oldest).then().statusCode(404);
        user.api().post("/api/notifications/read-all").then().statusCode(200).body("updated", equalTo(2));
        user.api().get("/api/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void badInputIsAProblem() {
        Member user = project.viewer();
        user.api().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/api/notifications").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("cursor"));
        user.api().queryParam("limit", 0).get("/api/notifications").then().statusCode(400);
        user.api().post("/api/notifications/not-an-id/read").then().statusCode(404);
        user.api().body(Map.of("preferences", List.of(Map.of("eventType", "x; DROP", "inApp", true, "email", "NONE", "allProjects", false))))
                .put("/api/notifications/preferences").then().statusCode(400);
        user.api().body("{\"preferences\":[{\"eventType\":\"DefectAssigned\",\"inApp\":true,\"email\":\"SOMETIMES\",\"allProjects\":false}]}")
                .put("/api/notifications/preferences").then().statusCode(400);
        user.api().queryParam("projectId", UUID.randomUUID()).get("/api/notifications/unread-count").then().statusCode(404);
        RestAssured.given().get("/api/notifications").then().statusCode(401);
        RestAssured.given().auth().oauth2(TestTokens.apiToken(UUID.randomUUID(), project.id(), "TESTER"))
                .get("/api/notifications").then().statusCode(403);
    }

    private static int countFor(Member member, UUID defectId) {
        return member.api().queryParam("limit", 200).get("/api/notifications").jsonPath()
                .getList("items.findAll { it.data.defectId == '" + defectId + "' }").size();
    }

    private static EventEnvelope created(UUID defectId, String key, String title, Member reporter) {
        return Live.raw("testtrack.defect.DefectCreated", defectId.toString(), Live.data().put("defectId", defectId.toString())
                .put("projectId", project.id().toString()).put("key", key).put("title", title).put("severity", "MAJOR")
                .put("status", "NEW").put("reporterId", reporter.id().toString()));
    }

    private static EventEnvelope assigned(UUID defectId, Member assignee, Member by) {
        return Live.raw("testtrack.defect.DefectAssigned", defectId.toString(), Live.data().put("defectId", defectId.toString())
                .put("projectId", project.id().toString()).put("assigneeId", assignee.id().toString())
                .put("assignedBy", by.id().toString()));
    }
}
