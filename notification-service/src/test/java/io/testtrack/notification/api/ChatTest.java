package io.testtrack.notification.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.notification.Live;
import io.testtrack.notification.SocketClient;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Project;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat threads per project and run: stored, paged, live, mentions notify, authors edit and delete their own. */
@QuarkusTest
class ChatTest {

    private static Project project;
    private static Project other;
    private static UUID runId;

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
            other = TestProjects.create("/api/notifications/unread-count");
            runId = Live.knownRun(ws, created.id(), created.lead().token());
            Live.registered(pool, created.developer());
            project = created;
        }
    }

    @Test
    void aMessageIsStoredPagedAndDeliveredLive() {
        String channel = "run:" + runId;
        try (SocketClient lead = SocketClient.ready(ws, project.lead().token())) {
            lead.subscribe(channel);
            lead.next("subscribed");
            List<String> posted = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                posted.add(project.tester().api().body(Map.of("body", "message " + i)).post("/api/notifications/chat/" + channel)
                        .then().statusCode(201).body("authorId", equalTo(project.tester().id().toString()))
                        .extract().path("id"));
                JsonNode live = lead.next("chat");
                assertEquals("posted", live.get("action").asText());
                assertEquals("message " + i, live.at("/message/body").asText());
            }
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                var page = project.viewer().api().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                        .get("/api/notifications/chat/" + channel).then().statusCode(200).extract().jsonPath();
                paged.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertEquals(List.of(posted.get(2), posted.get(1), posted.get(0)), paged, "newest first, each once");
        }
    }

    @Test
    void onlyTheAuthorEditsOrDeletesAMessage() {
        String channel = "project:" + project.id();
        try (SocketClient viewer = SocketClient.ready(ws, project.viewer().token())) {
            viewer.subscribe(channel);
            viewer.next("subscribed");
            String id = project.developer().api().body(Map.of("body", "first draft")).post("/api/notifications/chat/" + channel)
                    .then().statusCode(201).extract().path("id");
            project.tester().api().body(Map.of("body", "hijacked")).put("/api/notifications/chat/" + channel + "/" + id)
                    .then().statusCode(403).contentType(containsString("application/problem+json"));
            project.tester().api().delete("/api/notifications/chat/" + channel + "/" + id).then().statusCode(403);
            project.developer().api().body(Map.of("body", "second draft")).put("/api/notifications/chat/" + channel + "/" + id)
                    .then().statusCode(200).body("body", equalTo("second draft")).body("editedAt", org.hamcrest.Matchers.notNullValue());
            assertEquals("edited", viewer.next(m -> m.path("type").asText().equals("chat") && m.path("action").asText().equals("edited"),
                    "the edit").at("/message/id").asText().equals(id) ? "edited" : "other");
            project.developer().api().delete("/api/notifications/chat/" + channel + "/" + id).then().statusCode(204);
            assertEquals(id, viewer.next(m -> m.path("action").asText().equals("deleted"), "the deletion").at("/message/id").asText());
            assertTrue(project.viewer().api().get("/api/notifications/chat/" + channel).jsonPath().getList("items.id").stream()
                    .noneMatch(id::equals));
            project.developer().api().delete("/api/notifications/chat/" + channel + "/" + id).then().statusCode(404);
        }
    }

    @Test
    void aMentionNotifiesTheMentionedMember() {
        try (SocketClient developer = SocketClient.ready(ws, project.developer().token())) {
            project.tester().api().body(Map.of("body", "@" + project.developer().email() + " please rerun"))
                    .post("/api/notifications/chat/project:" + project.id()).then().statusCode(201);
            JsonNode notification = developer.next("notification");
            assertEquals("ChatMessagePosted", notification.at("/notification/eventType").asText());
            assertEquals("mentioned", notification.at("/notification/reason").asText());
            assertTrue(notification.at("/notification/title").asText().contains("please rerun"));
        }
    }

    @Test
    void badMessagesAndStrangersAreRefused() {
        String channel = "project:" + project.id();
        project.tester().api().body(Map.of("body", "x".repeat(4001))).post("/api/notifications/chat/" + channel).then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("4000"));
        project.tester().api().body(Map.of("body", "   ")).post("/api/notifications/chat/" + channel).then().statusCode(400);
        project.tester().api().body("{}").post("/api/notifications/chat/" + channel).then().statusCode(400);
        project.tester().api().body(Map.of("body", "hi")).post("/api/notifications/chat/user:" + project.lead().id()).then().statusCode(400);
        other.lead().api().body(Map.of("body", "hello?")).post("/api/notifications/chat/" + channel).then().statusCode(404);
        other.lead().api().get("/api/notifications/chat/" + channel).then().statusCode(404);
        other.lead().api().get("/api/notifications/chat/run:" + runId).then().statusCode(404);
        project.tester().api().get("/api/notifications/chat/run:" + UUID.randomUUID()).then().statusCode(404);
        project.tester().api().queryParam("cursor", "garbage").get("/api/notifications/chat/" + channel).then().statusCode(400);
    }
}
