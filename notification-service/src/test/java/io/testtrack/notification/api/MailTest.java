package io.testtrack.notification.api;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.testtrack.events.EventEnvelope;
import io.testtrack.notification.Live;
import io.testtrack.notification.service.MailSender;
import io.testtrack.platform.testing.GreenMailResource;
import io.testtrack.platform.testing.GreenMailResource.Mail;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Member;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mails through a real SMTP server (GreenMail): immediate, once per event, unsubscribe without signing in, the digest. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MailTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("(/api/notifications/unsubscribe\\?user=[0-9a-f-]+&type=([A-Za-z]+)&sig=[A-Za-z0-9_-]+)");

    private static Project project;

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    Pool pool;

    @Inject
    MailSender mails;

    @BeforeEach
    void setUp() {
        if (project == null) {
            Project created = TestProjects.create("/api/notifications/unread-count");
            Live.knownRun(Live.ws(http), created.id(), created.viewer().token());
            Live.registered(pool, created.developer(), created.tester(), created.lead());
            project = created;
        }
    }

    @Test
    void anAssignmentMailsTheAssigneeOnceInHtmlAndTextAndTheLinkUnsubscribes() {
        Member developer = project.developer();
        UUID defectId = UUID.randomUUID();
        try (TestPublisher defects = new TestPublisher("/testtrack/defect-service")) {
            defects.publish(created(defectId, "MAIL-1", "Mail me"));
            EventEnvelope assignment = assigned(defectId, developer);
            defects.publish(assignment);
            defects.publish(assignment);
            List<Mail> received = GreenMailResource.mailsTo(developer.email(), 1);
            assertEquals(1, received.size());
            assertEquals("[TestTrack] Defect assigned: MAIL-1 Mail me", received.get(0).subject());
            String body = received.get(0).body();
            assertTrue(body.contains("text/plain") && body.contains("text/html"), body);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> GreenMailResource.mailsTo(developer.email(), 0).size() == 1);

            Matcher link = UNSUBSCRIBE.matcher(body);
            assertTrue(link.find(), body);
            assertEquals("DefectAssigned", link.group(2));
            String path = link.group(1);
            RestAssured.given().urlEncodingEnabled(false).get(path.replace("sig=", "sig=x")).then().statusCode(400)
                    .contentType(containsString("application/problem+json"));
            RestAssured.given().urlEncodingEnabled(false).get(path.replaceFirst("user=[0-9a-f-]+", "user=" + project.lead().id()))
                    .then().statusCode(400);
            RestAssured.given().urlEncodingEnabled(false).get(path).then().statusCode(200).body(containsString("<form"));
            developer.api().get("/api/notifications/preferences").then().body("preferences.size()", org.hamcrest.Matchers.equalTo(0));
            RestAssured.given().urlEncodingEnabled(false).post(path).then().statusCode(200).body(containsString("Done"));
            developer.api().get("/api/notifications/preferences").then()
                    .body("preferences.find { it.eventType == 'DefectAssigned' }.email", org.hamcrest.Matchers.equalTo("NONE"));

            UUID next = UUID.randomUUID();
            defects.publish(created(next, "MAIL-2", "Not by mail"));
            defects.publish(assigned(next, developer));
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> developer.api().get("/api/notifications").jsonPath()
                    .getList("items.title").contains("Defect assigned: MAIL-2 Not by mail"));
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> GreenMailResource.mailsTo(developer.email(), 0).size() == 1);
        }
    }

    @Test
    void theDigestGathersAUsersUpdatesIntoOneMailOnce() {
        Member tester = project.tester();
        tester.api().body(Map.of("preferences", List.of(Map.of("eventType", "DefectStatusChanged", "inApp", true, "email", "DIGEST",
                "allProjects", false)))).put("/api/notifications/preferences").then().statusCode(200);
        UUID defectId = UUID.randomUUID();
        try (TestPublisher defects = new TestPublisher("/testtrack/defect-service")) {
            defects.publish(created(defectId, "MAIL-3", "Digest me"));
            for (String[] move : List.of(new String[] {"NEW", "ASSIGNED"}, new String[] {"ASSIGNED", "IN_PROGRESS"})) {
                defects.publish(Live.raw("testtrack.defect.DefectStatusChanged", defectId.toString(), Live.data()
                        .put("defectId", defectId.toString()).put("projectId", project.id().toString()).put("previousStatus", move[0])
                        .put("status", move[1]).put("changedBy", project.developer().id().toString())));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> tester.api().get("/api/notifications").jsonPath()
                .getList("items.findAll { it.data.defectId == '" + defectId + "' }").size() == 2);
        assertTrue(digests(tester).isEmpty() && GreenMailResource.mailsTo(tester.email(), 0).stream()
                .noneMatch(m -> m.subject().contains("MAIL-3")), "nothing until the digest");
        mails.sendDigest().await().atMost(Duration.ofSeconds(30));
        mails.sendDigest().await().atMost(Duration.ofSeconds(30));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !digests(tester).isEmpty());
        List<Mail> digest = digests(tester);
        assertEquals(1, digest.size());
        assertEquals("[TestTrack] Your daily digest: 2 updates", digest.get(0).subject());
        assertTrue(digest.get(0).body().contains("Defect status changed: MAIL-3 Digest me"), digest.get(0).body());
    }

    private static List<Mail> digests(Member member) {
        return GreenMailResource.mailsTo(member.email(), 0).stream().filter(m -> m.subject().contains("daily digest")).toList();
    }

    private static EventEnvelope created(UUID defectId, String key, String title) {
        return Live.raw("testtrack.defect.DefectCreated", defectId.toString(), Live.data().put("defectId", defectId.toString())
                .put("projectId", project.id().toString()).put("key", key).put("title", title).put("severity", "MAJOR")
                .put("status", "NEW").put("reporterId", project.tester().id().toString()));
    }

    private static EventEnvelope assigned(UUID defectId, Member assignee) {
        return Live.raw("testtrack.defect.DefectAssigned", defectId.toString(), Live.data().put("defectId", defectId.toString())
                .put("projectId", project.id().toString()).put("assigneeId", assignee.id().toString())
                .put("assignedBy", project.lead().id().toString()));
    }
}
