package io.testtrack.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.testtrack.events.ProjectRole;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.ProjectCreated;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;

/**
 * Test data every project-scoped service needs: a project with one member per role, announced on
 * the real broker as auth-service would, and known to the service under test once its
 * membership projection lets each member through {@code probePath?projectId=…}.
 */
public final class TestProjects {

    public record Member(UUID id, String email, String token) {
        public RequestSpecification api() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    public record Project(UUID id, String key, Member lead, Member tester, Member developer, Member viewer) {
    }

    private TestProjects() {
    }

    public static Member user(String globalRole) {
        UUID id = UUID.randomUUID();
        String email = "u" + id.toString().substring(0, 8) + "@example.com";
        return new Member(id, email, TestTokens.valid(id, email, globalRole));
    }

    public static Project create(String probePath) {
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
                    member.api().queryParam("projectId", id).get(probePath).statusCode() == 200);
        }
        return new Project(id, key, lead, tester, developer, viewer);
    }
}
