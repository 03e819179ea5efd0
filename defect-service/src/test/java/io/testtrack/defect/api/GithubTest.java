package io.testtrack.defect.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.testtrack.defect.Fixtures;
import io.testtrack.defect.domain.WebhookSignature;
import io.testtrack.platform.testing.TestProjects.Project;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project's GitHub integration and its webhook: signed deliveries only, each once, and "fixes KEY" moving defects to FIXED. */
@QuarkusTest
class GithubTest {

    static final String SECRET = "a-webhook-secret-of-some-length";

    @Inject
    Pool pool;

    Project project;
    String integration;
    String defect;
    String key;

    @BeforeEach
    void anIntegrationAndADefectInProgress() {
        project = Fixtures.project();
        var created = project.lead().api().body(Map.of("projectId", project.id(), "repository", "acme/shop", "webhookSecret", SECRET,
                        "token", "ghp_example")).post("/api/github/integrations").then().statusCode(201).extract().jsonPath();
        integration = created.getString("id");
        org.junit.jupiter.api.Assertions.assertEquals("/api/github/webhooks/" + integration, created.getString("webhookPath"));
        var d = Fixtures.defect(project, project.tester(), "Saved card declined", Map.of("assigneeId", project.developer().id()));
        defect = d.getString("id");
        key = d.getString("key");
        Fixtures.move(project.developer(), defect, Map.of("to", "IN_PROGRESS"));
    }

    @Test
    void onlyALeadCreatesAnIntegrationAndItsSecretsAreNeverShownNorStoredInClear() {
        project.tester().api().body(Map.of("projectId", project.id(), "repository", "acme/other", "webhookSecret", SECRET))
                .post("/api/github/integrations").then().statusCode(403);
        project.lead().api().body(Map.of("projectId", project.id(), "repository", "not a repo", "webhookSecret", SECRET))
                .post("/api/github/integrations").then().statusCode(400).body("errors[0].field", is("repository"));
        Project other = Fixtures.project();
        other.lead().api().body(Map.of("projectId", project.id(), "repository", "acme/x", "webhookSecret", SECRET))
                .post("/api/github/integrations").then().statusCode(404);
        project.viewer().api().queryParam("projectId", project.id()).get("/api/github/integrations").then().statusCode(200)
                .body("repository", contains("acme/shop")).body("[0].hasToken", is(true))
                .body("[0]", not(hasKey("webhookSecret"))).body("[0]", not(hasKey("token")));
        String stored = pool.preparedQuery("SELECT webhook_secret || ' ' || token FROM github_integrations WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(integration))).await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
        org.junit.jupiter.api.Assertions.assertFalse(stored.contains(SECRET) || stored.contains("ghp_example"), stored);
    }

    @Test
    void aSignedPushThatSaysFixesMovesTheDefectToFixedOnceAndComments() {
        String body = push("Reload the BIN table\n\nfixes " + key.toLowerCase(), "https://github.com/acme/shop/commit/abc123");
        deliver("delivery-" + UUID.randomUUID(), "push", body, WebhookSignature.sign(SECRET, bytes(body))).then().statusCode(200)
                .body("fixed", contains(key));
        project.tester().api().get("/api/bugs/" + defect).then().body("status", is("FIXED"))
                .body("fix.link", is("https://github.com/acme/shop/commit/abc123")).body("fix.summary", is("Reload the BIN table"));
        project.tester().api().get("/api/bugs/" + defect + "/comments").then()
                .body("body", contains("Fixed by https://github.com/acme/shop/commit/abc123"));
        project.tester().api().get("/api/bugs/" + defect + "/history").then()
                .body("findAll { it.field == 'status' }.to", contains("IN_PROGRESS", "FIXED"));
    }

    @Test
    void aReplayedDeliveryIsRefusedAndChangesNothing() {
        String delivery = "delivery-" + UUID.randomUUID();
        String first = push("Unrelated change", "https://github.com/acme/shop/commit/1");
        deliver(delivery, "push", first, WebhookSignature.sign(SECRET, bytes(first))).then().statusCode(200).body("fixed", empty());
        String replay = push("fixes " + key, "https://github.com/acme/shop/commit/2");
        deliver(delivery, "push", replay, WebhookSignature.sign(SECRET, bytes(replay))).then().statusCode(409)
                .contentType("application/problem+json").body("type", is("/problems/conflict"));
        project.tester().api().get("/api/bugs/" + defect).then().body("status", is("IN_PROGRESS")).body("version", is(2));
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndChangesNothing() {
        String body = push("fixes " + key, "https://github.com/acme/shop/commit/3");
        String delivery = "delivery-" + UUID.randomUUID();
        deliver(delivery, "push", body, WebhookSignature.sign("not-the-secret-at-all", bytes(body))).then().statusCode(401)
                .contentType("application/problem+json").body("type", is("/problems/invalid-signature"));
        deliver(delivery, "push", body, null).then().statusCode(401);
        deliver(delivery, "push", body + " ", WebhookSignature.sign(SECRET, bytes(body))).then().statusCode(401);
        request(delivery, "push", body, WebhookSignature.sign(SECRET, bytes(body))).post("/api/github/webhooks/" + UUID.randomUUID())
                .then().statusCode(404);
        project.tester().api().get("/api/bugs/" + defect).then().body("status", is("IN_PROGRESS"));
        // The refused attempts did not use up the delivery id.
        deliver(delivery, "push", body, WebhookSignature.sign(SECRET, bytes(body))).then().statusCode(200).body("fixed", contains(key));
    }

    @Test
    void aMergedPullRequestFixesAndAnUnmergedOneDoesNot() {
        String closed = pullRequest(false, "Fixes " + key);
        deliver("d-" + UUID.randomUUID(), "pull_request", closed, WebhookSignature.sign(SECRET, bytes(closed))).then().statusCode(200)
                .body("fixed", empty());
        project.tester().api().get("/api/bugs/" + defect).then().body("status", is("IN_PROGRESS"));
        String merged = pullRequest(true, "Closes " + key);
        deliver("d-" + UUID.randomUUID(), "pull_request", merged, WebhookSignature.sign(SECRET, bytes(merged))).then().statusCode(200)
                .body("fixed", contains(key));
        project.tester().api().get("/api/bugs/" + defect).then().body("status", is("FIXED"))
                .body("fix.link", is("https://github.com/acme/shop/pull/9"));
    }

    private io.restassured.response.Response deliver(String delivery, String event, String body, String signature) {
        return request(delivery, event, body, signature).post("/api/github/webhooks/" + integration);
    }

    private static io.restassured.specification.RequestSpecification request(String delivery, String event, String body, String signature) {
        var request = given().contentType(ContentType.JSON).header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery)
                .body(bytes(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request;
    }

    private static String push(String message, String url) {
        return "{\"ref\":\"refs/heads/main\",\"commits\":[{\"id\":\"abc\",\"message\":" + json(message) + ",\"url\":\"" + url + "\"}]}";
    }

    private static String pullRequest(boolean merged, String body) {
        return "{\"action\":\"closed\",\"pull_request\":{\"merged\":" + merged + ",\"title\":\"Card fix\",\"body\":" + json(body)
                + ",\"html_url\":\"https://github.com/acme/shop/pull/9\"}}";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
