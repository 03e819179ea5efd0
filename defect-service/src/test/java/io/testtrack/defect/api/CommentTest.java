package io.testtrack.defect.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.defect.Fixtures;
import io.testtrack.events.EventCodec;
import io.testtrack.events.Topics;
import io.testtrack.events.defect.DefectCommented;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.access.UserRegistered;
import io.testtrack.platform.testing.TestProjects.Member;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import org.awaitility.Awaitility;
import io.testtrack.platform.testing.WireTap;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Comments: markdown kept as text, @mentions told through events, own edits within 15 minutes, a size limit. */
@QuarkusTest
class CommentTest {

    @Inject
    Pool pool;

    Project project;
    String id;

    @BeforeEach
    void aDefect() {
        project = Fixtures.project();
        id = Fixtures.defect(project, project.tester(), "Footer overlaps", Map.of()).getString("id");
    }

    @Test
    void aMentionedMemberIsNamedInTheEventAndTheMarkdownComesBackAsWritten() {
        // Members are known by e-mail once auth-service has announced them.
        try (TestPublisher auth = new TestPublisher("/testtrack/auth-service")) {
            for (Member m : List.of(project.developer(), project.viewer())) {
                auth.publish(new UserRegistered(m.id(), m.email(), "Member " + m.email(), GlobalRole.TESTER));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "SELECT 1 FROM access_users WHERE user_id = ANY($1) AND email IS NOT NULL")
                .execute(Tuple.of(new UUID[] { project.developer().id(), project.viewer().id() })).await().atMost(Duration.ofSeconds(5))
                .size() == 2);
        String developerHandle = project.developer().email().substring(0, project.developer().email().indexOf('@'));
        String body = "@" + developerHandle + " see <script>alert(1)</script> and **this**; @" + project.viewer().email()
                + " too, not @nobody-here";
        try (WireTap wire = new WireTap(Topics.DEFECT)) {
            String commentId = project.tester().api().body(Map.of("body", body)).post("/api/bugs/" + id + "/comments").then()
                    .statusCode(201).body("body", is(body)).body("mentions", hasSize(2)).extract().path("id");
            DefectCommented event = wire.until(seen -> seen.stream().anyMatch(r -> r.value().contains(commentId)), Duration.ofSeconds(30))
                    .stream().filter(r -> r.value().contains(commentId))
                    .map(r -> EventCodec.payload(EventCodec.read(r.value()), DefectCommented.class))
                    .findFirst().orElseThrow();
            assertEquals(List.of(project.developer().id(), project.viewer().id()).stream().sorted().toList(),
                    event.mentionedUserIds().stream().sorted().toList());
            assertEquals(project.tester().id(), event.authorId());
        }
        project.viewer().api().get("/api/bugs/" + id + "/comments").then().statusCode(200).body("body", contains(body));
    }

    @Test
    void anAuthorEditsAndDeletesOnlyTheirOwnCommentAndOnlyWithinFifteenMinutes() {
        String mine = project.tester().api().body(Map.of("body", "first")).post("/api/bugs/" + id + "/comments").then()
                .statusCode(201).extract().path("id");
        project.developer().api().body(Map.of("body", "hijacked")).patch("/api/bugs/" + id + "/comments/" + mine).then().statusCode(403);
        project.developer().api().delete("/api/bugs/" + id + "/comments/" + mine).then().statusCode(403);
        project.tester().api().body(Map.of("body", "second")).patch("/api/bugs/" + id + "/comments/" + mine).then().statusCode(200)
                .body("body", is("second")).body("editedAt", notNullValue());

        pool.preparedQuery("UPDATE defect_comments SET created_at = created_at - interval '16 minutes' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(mine))).await().atMost(Duration.ofSeconds(5));
        project.tester().api().body(Map.of("body", "third")).patch("/api/bugs/" + id + "/comments/" + mine).then().statusCode(409)
                .body("type", is("/problems/conflict"));
        project.tester().api().delete("/api/bugs/" + id + "/comments/" + mine).then().statusCode(409);
        project.tester().api().get("/api/bugs/" + id + "/comments").then().body("body", contains("second"));

        String fresh = project.tester().api().body(Map.of("body", "oops")).post("/api/bugs/" + id + "/comments").then()
                .statusCode(201).extract().path("id");
        project.tester().api().delete("/api/bugs/" + id + "/comments/" + fresh).then().statusCode(204);
        project.tester().api().get("/api/bugs/" + id + "/comments").then().body("body", contains("second"));
        project.tester().api().get("/api/bugs/" + id + "/history").then().body("field", contains("created", "comment"));
    }

    @Test
    void aCommentOverTheLimitOrEmptyIsRefusedAndNothingIsKept() {
        project.tester().api().body(Map.of("body", "x".repeat(20_001))).post("/api/bugs/" + id + "/comments").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("body"));
        project.tester().api().body(Map.of("body", "  ")).post("/api/bugs/" + id + "/comments").then().statusCode(400);
        project.viewer().api().body(Map.of("body", "a viewer's")).post("/api/bugs/" + id + "/comments").then().statusCode(403);
        Project other = Fixtures.project();
        other.lead().api().body(Map.of("body", "intruder")).post("/api/bugs/" + id + "/comments").then().statusCode(404);
        other.lead().api().get("/api/bugs/" + id + "/comments").then().statusCode(404);
        project.tester().api().get("/api/bugs/" + id + "/comments").then().body("", hasSize(0));
    }
}
