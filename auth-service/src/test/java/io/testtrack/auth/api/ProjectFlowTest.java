package io.testtrack.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.testtrack.auth.Fixtures;
import io.testtrack.auth.Fixtures.Login;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.Topics;
import io.testtrack.platform.testing.GreenMailResource;
import io.testtrack.platform.testing.WireTap;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ProjectFlowTest {

    @Inject
    Pool pool;

    @Test
    void aTesterCreatesAProjectBecomesLeadAndTheEventsGoOverTheBroker() {
        Login admin = Fixtures.admin();
        Login tester = Fixtures.user(admin, "creator", "TESTER");
        String key = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        try (WireTap wire = new WireTap(Topics.ACCESS)) {
            String id = tester.request().body(Map.of("key", key, "name", "Web shop", "description", "The shop"))
                    .post("/api/projects").then().statusCode(201)
                    .header("Location", containsString("/api/projects/"))
                    .body("key", is(key)).body("archived", is(false))
                    .extract().jsonPath().getString("id");

            var seen = wire.until(records -> records.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(30));
            List<String> types = seen.stream().filter(r -> id.equals(r.key()))
                    .map(r -> EventCodec.read(r.value())).map(EventEnvelope::type).toList();
            assertEquals(List.of("testtrack.access.ProjectCreated", "testtrack.access.MemberAdded"), types);

            tester.request().get("/api/projects/" + id + "/members").then().statusCode(200)
                    .body("", hasSize(1)).body("[0].role", is("LEAD")).body("[0].email", is(tester.email()));
            tester.request().get("/api/projects").then().statusCode(200).body("key", hasItem(key));

            // auth-service consumes its own events into the platform's membership projection too.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "LEAD".equals(
                    scalar("SELECT role FROM access_members WHERE project_id = $1::uuid", id)));
        }
    }

    @Test
    void projectKeysAreValidatedAndUnique() {
        Login admin = Fixtures.admin();
        admin.request().body(Map.of("key", "lower", "name", "x")).post("/api/projects").then().statusCode(400)
                .body("errors.field", hasItem("key"));
        admin.request().body(Map.of("key", "OK1", "name", "")).post("/api/projects").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        String key = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        admin.request().body(Map.of("key", key, "name", "first")).post("/api/projects").then().statusCode(201);
        admin.request().body(Map.of("key", key, "name", "second")).post("/api/projects").then().statusCode(409)
                .body("type", is("/problems/conflict"));
    }

    @Test
    void membersAreManagedByLeadsAndAProjectAlwaysKeepsALead() {
        Login admin = Fixtures.admin();
        Login lead = Fixtures.user(admin, "lead", "TESTER");
        Login dev = Fixtures.user(admin, "dev", "DEVELOPER");
        UUID project = Fixtures.project(lead);

        Fixtures.addMember(lead, project, dev, "DEVELOPER");
        lead.request().body(Map.of("email", dev.email(), "role", "VIEWER")).post("/api/projects/" + project + "/members")
                .then().statusCode(409);
        lead.request().body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "role", "VIEWER"))
                .post("/api/projects/" + project + "/members").then().statusCode(404);
        lead.request().body(Map.of("email", dev.email(), "role", "OWNER")).post("/api/projects/" + project + "/members")
                .then().statusCode(400).body("errors[0].field", is("role"));

        lead.request().body(Map.of("role", "TESTER")).patch("/api/projects/" + project + "/members/" + dev.id())
                .then().statusCode(200).body("role", is("TESTER"));
        lead.request().body(Map.of("role", "VIEWER")).patch("/api/projects/" + project + "/members/" + lead.id())
                .then().statusCode(409).body("detail", containsString("at least one LEAD"));
        lead.request().delete("/api/projects/" + project + "/members/" + lead.id()).then().statusCode(409);

        lead.request().delete("/api/projects/" + project + "/members/" + dev.id()).then().statusCode(204);
        dev.request().get("/api/projects/" + project).then().statusCode(404);
    }

    @Test
    void apiTokensShowTheirSecretOnceAndStopWorkingWhenRevokedOrExpired() {
        Login admin = Fixtures.admin();
        Login lead = Fixtures.user(admin, "tokens", "TESTER");
        UUID project = Fixtures.project(lead);

        var created = lead.request().body(Map.of("name", "jenkins", "role", "TESTER"))
                .post("/api/projects/" + project + "/tokens").then().statusCode(201)
                .body("token", startsWith("tt_")).extract().jsonPath();
        String secret = created.getString("token");
        lead.request().get("/api/projects/" + project + "/tokens").then().statusCode(200)
                .body("[0].name", is("jenkins")).body("[0].token", nullValue()).body("[0].prefix", is(secret.substring(0, 9)));
        assertTrue(!scalar("SELECT token_hash FROM api_tokens WHERE id = $1::uuid", created.getString("id")).contains(secret));

        String access = Fixtures.exchange(secret);
        given().header("Authorization", "Bearer " + access).get("/api/projects/" + project).then().statusCode(200);
        given().header("Authorization", "Bearer " + access).get("/api/projects/" + Fixtures.project(lead)).then().statusCode(404);
        assertTrue(scalar("SELECT last_used_at::text FROM api_tokens WHERE id = $1::uuid", created.getString("id")) != null);

        lead.request().body(Map.of("name", "viewer", "role", "LEAD")).post("/api/projects/" + project + "/tokens")
                .then().statusCode(400);
        lead.request().body(Map.of("name", "old", "role", "VIEWER", "expiresAt", Instant.now().minusSeconds(60).toString()))
                .post("/api/projects/" + project + "/tokens").then().statusCode(400);

        lead.request().delete("/api/projects/" + project + "/tokens/" + created.getString("id")).then().statusCode(204);
        given().contentType(ContentType.JSON).header("X-Internal-Secret", Fixtures.INTERNAL_SECRET)
                .body(Map.of("token", secret)).post("/internal/api-tokens/exchange").then().statusCode(401);

        var expiring = Fixtures.apiToken(lead, project, "VIEWER");
        pool.preparedQuery("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1::uuid")
                .execute(Tuple.of(expiring.get("id"))).await().atMost(Duration.ofSeconds(5));
        given().contentType(ContentType.JSON).header("X-Internal-Secret", Fixtures.INTERNAL_SECRET)
                .body(Map.of("token", expiring.get("token"))).post("/internal/api-tokens/exchange").then().statusCode(401);
    }

    @Test
    void theInternalExchangeIsInvisibleWithoutTheSecret() {
        given().contentType(ContentType.JSON).body(Map.of("token", "tt_whatever"))
                .post("/internal/api-tokens/exchange").then().statusCode(404);
        given().contentType(ContentType.JSON).header("X-Internal-Secret", "guess").body(Map.of("token", "tt_whatever"))
                .post("/internal/api-tokens/exchange").then().statusCode(404);
    }

    @Test
    void archivingIsAnnouncedAndAStaleVersionIsRefused() {
        Login admin = Fixtures.admin();
        UUID project = Fixtures.project(admin);
        long version = admin.request().get("/api/projects/" + project).then().extract().jsonPath().getLong("version");
        admin.request().body(Map.of("name", "Renamed", "version", version)).patch("/api/projects/" + project)
                .then().statusCode(200).body("name", is("Renamed"));
        admin.request().body(Map.of("name", "Lost update", "version", version)).patch("/api/projects/" + project)
                .then().statusCode(409);
        try (WireTap wire = new WireTap(Topics.ACCESS)) {
            admin.request().body(Map.of("archived", true)).patch("/api/projects/" + project).then().statusCode(200)
                    .body("archived", is(true));
            wire.until(records -> records.stream().anyMatch(r -> project.toString().equals(r.key())
                    && r.value().contains("ProjectArchived")), Duration.ofSeconds(30));
        }
        admin.request().get("/api/projects").then().body("id", org.hamcrest.Matchers.not(hasItem(project.toString())));
        admin.request().get("/api/projects?archived=true").then().body("id", hasItem(project.toString()));
    }

    private String scalar(String sql, String parameter) {
        var rows = pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(5)).iterator();
        if (!rows.hasNext()) {
            return null;
        }
        Object value = rows.next().getValue(0);
        return value == null ? null : value.toString();
    }
}
