package io.testtrack.defect.api;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.defect.Fixtures;
import io.testtrack.platform.testing.TestProjects.Project;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opening a GitHub issue from a defect through the typed REST client, against a real HTTP server
 * on the port the test profile gives GitHub's URL: what is sent, a retried failure, GitHub down.
 */
@QuarkusTest
class GithubIssueTest {

    record Received(String method, String path, String authorization, String body) {
    }

    HttpServer github;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGo = new AtomicInteger();

    @BeforeEach
    void startGithub() throws IOException {
        github = HttpServer.create(new InetSocketAddress("127.0.0.1", 38584), 0);
        github.createContext("/", this::answer);
        github.start();
    }

    @AfterEach
    void stopGithub() {
        if (github != null) {
            github.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        boolean fail = failuresToGo.getAndDecrement() > 0;
        byte[] body = (fail ? "{\"message\":\"Server Error\"}" : "{\"number\":7,\"html_url\":\"https://github.com/acme/shop/issues/7\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(fail ? 500 : 201, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void anIssueIsOpenedWithTheDefectsTextRetriedOnceOnAFailureAndGitHubDownIsABadGateway() {
        Project project = Fixtures.project();
        project.lead().api().body(Map.of("projectId", project.id(), "repository", "acme/shop", "webhookSecret", "0123456789abcdef0123",
                "token", "ghp_secret_token")).post("/api/github/integrations").then().statusCode(201);
        var defect = Fixtures.defect(project, project.tester(), "Saved card declined", Map.of("actualResult", "Error 500"));
        String id = defect.getString("id");

        failuresToGo.set(1);
        project.tester().api().post("/api/github/issues/" + id).then().statusCode(201)
                .body("githubUrl", is("https://github.com/acme/shop/issues/7")).body("version", is(2));
        assertEquals(2, received.size(), "one failure, one retry: " + received);
        Received sent = received.get(1);
        assertEquals("POST", sent.method());
        assertEquals("/repos/acme/shop/issues", sent.path());
        assertEquals("Bearer ghp_secret_token", sent.authorization());
        assertTrue(sent.body().contains("\"title\":\"[" + defect.getString("key") + "] Saved card declined\""), sent.body());
        assertTrue(sent.body().contains("Error 500"), sent.body());
        project.tester().api().get("/api/bugs/" + id + "/history").then().body("[1].field", is("githubUrl"));
        project.tester().api().post("/api/github/issues/" + id).then().statusCode(409);

        String other = Fixtures.defect(project, project.tester(), "Another one", Map.of()).getString("id");
        project.viewer().api().post("/api/github/issues/" + other).then().statusCode(403);
        github.stop(0);
        github = null;
        project.tester().api().post("/api/github/issues/" + other).then().statusCode(502)
                .contentType("application/problem+json").body("type", is("/problems/bad-gateway"));
        project.tester().api().get("/api/bugs/" + other).then().body("githubUrl", nullValue()).body("version", is(1));
    }

    @Test
    void aDefectLinksToAnIssueOrPullRequestOfItsProjectsRepositoriesOnly() {
        Project project = Fixtures.project();
        project.lead().api().body(Map.of("projectId", project.id(), "repository", "acme/shop", "webhookSecret", "0123456789abcdef0123"))
                .post("/api/github/integrations").then().statusCode(201);
        String id = Fixtures.defect(project, project.tester(), "Footer", Map.of()).getString("id");
        project.developer().api().body(Map.of("url", "https://github.com/evil/shop/pull/3")).post("/api/github/links/" + id).then()
                .statusCode(400).body("errors[0].field", is("url"));
        project.developer().api().body(Map.of("url", "https://github.com/acme/shop/pull/3")).post("/api/github/links/" + id).then()
                .statusCode(200).body("githubUrl", is("https://github.com/acme/shop/pull/3"));
        project.tester().api().post("/api/github/issues/" + id).then().statusCode(409);
        assertTrue(received.isEmpty());
    }
}
