package io.testtrack.testcase;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.testtrack.events.ProjectRole;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.ProjectCreated;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.platform.testing.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;

/** Test data: a project with one member per role, known to this service through real access events. */
public final class Fixtures {

    public record Member(UUID id, String email, String token) {
        public RequestSpecification api() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    public record Project(UUID id, String key, Member lead, Member tester, Member developer, Member viewer) {
    }

    private Fixtures() {
    }

    public static Member user(String globalRole) {
        UUID id = UUID.randomUUID();
        String email = "u" + id.toString().substring(0, 8) + "@example.com";
        return new Member(id, email, TestTokens.valid(id, email, globalRole));
    }

    public static Member admin() {
        return user("ADMIN");
    }

    /** A project with a LEAD, TESTER, DEVELOPER and VIEWER, once the projection has them all. */
    public static Project project() {
        UUID id = UUID.randomUUID();
        String key = "T" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
        Member lead = user("TESTER");
        Member tester = user("TESTER");
        Member developer = user("DEVELOPER");
        Member viewer = user("TESTER");
        try (TestPublisher auth = new TestPublisher("/testtrack/auth-service")) {
            auth.publish(new ProjectCreated(id, key, "Project " + key, lead.id()));
            auth.publish(new MemberAdded(id, lead.id(), ProjectRole.LEAD, lead.id()));
            auth.publish(new MemberAdded(id, tester.id(), ProjectRole.TESTER, lead.id()));
            auth.publish(new MemberAdded(id, developer.id(), ProjectRole.DEVELOPER, lead.id()));
            auth.publish(new MemberAdded(id, viewer.id(), ProjectRole.VIEWER, lead.id()));
        }
        for (Member member : List.of(lead, tester, developer, viewer)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    member.api().queryParam("projectId", id).get("/api/suites").statusCode() == 200);
        }
        return new Project(id, key, lead, tester, developer, viewer);
    }

    /** A case body with the given title and two steps; {@code extra} adds or overrides fields. */
    public static Map<String, Object> caseBody(UUID projectId, String title, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", projectId);
        body.put("title", title);
        body.put("description", "What " + title + " checks");
        body.put("priority", "HIGH");
        body.put("tags", List.of("smoke"));
        body.put("steps", steps("Open the page", "The page shows", "Press save", "It is saved"));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    /** Steps from pairs of action and expected result, numbered from 1. */
    public static List<Map<String, Object>> steps(String... actionsAndResults) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < actionsAndResults.length; i += 2) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("index", i / 2 + 1);
            step.put("action", actionsAndResults[i]);
            step.put("expectedResult", actionsAndResults[i + 1]);
            steps.add(step);
        }
        return steps;
    }

    /** Creates a case as the project's tester; answers its id. */
    public static String createCase(Project project, String title, Object... extra) {
        return project.tester().api().body(caseBody(project.id(), title, extra)).post("/api/tests")
                .then().statusCode(201).extract().path("id");
    }
}
