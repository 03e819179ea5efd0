package io.testtrack.execution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.testtrack.events.EventCodec;
import io.testtrack.events.Topics;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.execution.Corpus;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.platform.testing.TestTokens;
import io.testtrack.platform.testing.WireTap;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CI imports through the REST API into the real database and broker: the whole corpus, and every way to get it wrong. */
@QuarkusTest
class JunitImportTest {

    @Inject
    Pool pool;

    Project project;

    @BeforeEach
    void project() {
        project = TestProjects.create("/api/runs");
    }

    @Test
    void everyReportOfTheCorpusImportsWithItsManifestCounts() {
        for (Corpus.Entry entry : Corpus.entries()) {
            Response response = importing(entry.bytes(), Map.of("runName", entry.file()));
            if (entry.invalid()) {
                response.then().statusCode(400).contentType("application/problem+json");
                continue;
            }
            response.then().statusCode(201);
            assertEquals(List.of(entry.total(), entry.passed(), entry.failed(), entry.errored(), entry.skipped(), entry.flaky()),
                    List.of(response.path("total"), response.path("passed"), response.path("failed"), response.path("errored"),
                            response.path("skipped"), response.path("flaky")), entry.file());
            assertEquals(entry.total(), response.<Integer>path("discovered"), "a fresh project knows none of them: " + entry.file());
        }
        long valid = Corpus.entries().stream().filter(e -> !e.invalid()).count();
        assertEquals(valid, count("SELECT count(*) FROM runs WHERE project_id = $1"), "the invalid ones left no run behind");
    }

    @Test
    void attacksAndNonsenseAre400AndLeaveNothing() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]><testsuite><testcase classname=\"a\" name=\"&lol2;\"/></testsuite>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase classname=\"a\" name=\"b\"><failure>&x;</failure></testcase></testsuite>";
        for (String body : List.of(laughs, xxe, "{\"tests\": 3}", "<testsuite><testcase name=\"cut off\"", "")) {
            importing(body.getBytes(StandardCharsets.UTF_8), Map.of()).then().statusCode(400).contentType("application/problem+json");
        }
        importing(laughs.getBytes(StandardCharsets.UTF_8), Map.of()).then().body("detail", containsString("DTD"));
        project.tester().api().contentType("application/json").queryParam("projectId", project.id()).body("{}")
                .post("/api/imports/junit").then().statusCode(415);
        assertEquals(0, count("SELECT count(*) FROM runs WHERE project_id = $1"));
    }

    @Test
    void gzipIsReadAndAGzipBombStopsAtTheLimit() throws IOException {
        byte[] report = "<testsuite name=\"s\"><testcase classname=\"c\" name=\"zipped\"/></testsuite>".getBytes(StandardCharsets.UTF_8);
        project.tester().api().contentType("application/xml").header("Content-Encoding", "gzip").queryParam("projectId", project.id())
                .body(gzip(report)).post("/api/imports/junit").then().statusCode(201).body("total", is(1)).body("passed", is(1));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bomb)) {
            out.write("<testsuite><!-- ".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                out.write(spaces);
            }
        }
        project.tester().api().contentType("application/xml").header("Content-Encoding", "gzip").queryParam("projectId", project.id())
                .body(bomb.toByteArray()).post("/api/imports/junit").then().statusCode(413).contentType("application/problem+json");
        project.tester().api().contentType("application/xml").header("Content-Encoding", "gzip").queryParam("projectId", project.id())
                .body(report).post("/api/imports/junit").then().statusCode(400).body("detail", containsString("gzip"));
        assertEquals(1, count("SELECT count(*) FROM runs WHERE project_id = $1"));
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyIsTheSameRun() {
        byte[] report = Corpus.entries().stream().filter(e -> e.file().contains("JENKINS-30413")).findFirst().orElseThrow().bytes();
        Response first = project.tester().api().contentType("application/xml").header("Idempotency-Key", "build-77")
                .queryParam("projectId", project.id()).body(report).post("/api/imports/junit");
        first.then().statusCode(201).body("repeated", is(false));
        project.tester().api().contentType("application/xml").header("Idempotency-Key", "build-77").queryParam("projectId", project.id())
                .body(report).post("/api/imports/junit").then().statusCode(200)
                .body("runId", is(first.<String>path("runId"))).body("total", is(2)).body("repeated", is(true));
        assertEquals(1, count("SELECT count(*) FROM runs WHERE project_id = $1"));
        assertEquals(2, count("SELECT count(*) FROM executions WHERE project_id = $1"));
    }

    @Test
    void theShardsOfOneBuildAreOneRun() {
        String shardA = "<testsuite name=\"a\"><testcase classname=\"A\" name=\"one\"/><testcase classname=\"A\" name=\"two\"><failure/></testcase></testsuite>";
        String shardB = "<testsuites><testsuite name=\"b\"><testcase classname=\"B\" name=\"three\"><skipped/></testcase></testsuite></testsuites>";
        project.tester().api().contentType("multipart/form-data").queryParam("projectId", project.id())
                .multiPart("file", "shard-a.xml", shardA.getBytes(StandardCharsets.UTF_8), "application/xml")
                .multiPart("file", "shard-b.xml", shardB.getBytes(StandardCharsets.UTF_8), "application/xml")
                .post("/api/imports/junit").then().statusCode(201)
                .body("total", is(3)).body("passed", is(1)).body("failed", is(1)).body("skipped", is(1));
        // A bad shard fails the whole build's import.
        project.tester().api().contentType("multipart/form-data").queryParam("projectId", project.id())
                .multiPart("file", "shard-a.xml", shardA.getBytes(StandardCharsets.UTF_8), "application/xml")
                .multiPart("file", "broken.xml", "<testsuite>".getBytes(StandardCharsets.UTF_8), "application/xml")
                .post("/api/imports/junit").then().statusCode(400);
        assertEquals(1, count("SELECT count(*) FROM runs WHERE project_id = $1"));
        assertEquals(3, count("SELECT count(*) FROM executions WHERE project_id = $1"));
    }

    @Test
    void onlyTestersOfTheProjectImport() {
        byte[] report = "<testsuite><testcase classname=\"c\" name=\"n\"/></testsuite>".getBytes(StandardCharsets.UTF_8);
        project.viewer().api().contentType("application/xml").queryParam("projectId", project.id()).body(report)
                .post("/api/imports/junit").then().statusCode(403);
        project.tester().api().contentType("application/xml").queryParam("projectId", UUID.randomUUID()).body(report)
                .post("/api/imports/junit").then().statusCode(404);
        String otherToken = TestTokens.apiToken(UUID.randomUUID(), UUID.randomUUID(), "TESTER");
        given().auth().oauth2(otherToken).contentType("application/xml").queryParam("projectId", project.id()).body(report)
                .post("/api/imports/junit").then().statusCode(404);
        String ciToken = TestTokens.apiToken(UUID.randomUUID(), project.id(), "TESTER");
        given().auth().oauth2(ciToken).contentType("application/xml").queryParam("projectId", project.id()).body(report)
                .post("/api/imports/junit").then().statusCode(201);
        given().contentType("application/xml").queryParam("projectId", project.id()).body(report).post("/api/imports/junit")
                .then().statusCode(401);
        assertEquals(1, count("SELECT count(*) FROM runs WHERE project_id = $1"));
    }

    @Test
    void unknownTestsAreAnnouncedAndLinkedWhenTheirCasesArrive() {
        String report = "<testsuite name=\"s\"><testcase classname=\"com.shop.CartTest\" name=\"adds\"/>"
                + "<testcase classname=\"com.shop.CartTest\" name=\"removes\"><failure message=\"no\"/></testcase>"
                + "<testcase classname=\"com.shop.CartTest\" name=\"removes\"/></testsuite>";
        String runId;
        try (WireTap wire = new WireTap(Topics.EXECUTION)) {
            Response imported = importing(report.getBytes(StandardCharsets.UTF_8), Map.of());
            imported.then().statusCode(201).body("total", is(2)).body("passed", is(2)).body("flaky", is(1)).body("discovered", is(2));
            runId = imported.path("runId");
            List<AutomatedTestDiscovered> discovered = wire.until(seen -> discovered(seen, runId).size() == 2, Duration.ofSeconds(30))
                    .stream().map(r -> EventCodec.payload(EventCodec.read(r.value())).orElseThrow())
                    .filter(AutomatedTestDiscovered.class::isInstance).map(AutomatedTestDiscovered.class::cast)
                    .filter(e -> e.runId().toString().equals(runId))
                    .sorted(java.util.Comparator.comparing(AutomatedTestDiscovered::automationKey)).toList();
            assertEquals(List.of("com.shop.CartTest#adds", "com.shop.CartTest#removes"),
                    discovered.stream().map(AutomatedTestDiscovered::automationKey).toList());
            assertEquals("removes", discovered.get(1).name());
            assertEquals("com.shop.CartTest", discovered.get(1).classname());
        }
        UUID caseId = UUID.randomUUID();
        try (TestPublisher testcase = new TestPublisher("/testtrack/testcase-service")) {
            testcase.publish(new TestCaseCreated(new TestCaseSnapshot(caseId, project.id(), project.key() + "-7", 1, "removes", null, null,
                    "FUNCTIONAL", "MEDIUM", "READY", List.of("automated"), null, "com.shop.CartTest#removes", List.of(), Map.of(),
                    Instant.now()), null));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> count(
                "SELECT count(*) FROM executions WHERE project_id = $1 AND test_case_id IS NOT NULL") == 1);
        assertEquals(1, count("SELECT count(*) FROM executions WHERE project_id = $1 AND case_key = '" + project.key() + "-7' AND attempts = 2 AND flaky"));
        // The next import of the same tests finds the case at once and announces only the unknown one.
        importing(report.getBytes(StandardCharsets.UTF_8), Map.of()).then().statusCode(201).body("discovered", is(1));
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> discovered(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> seen, String runId) {
        return seen.stream().filter(r -> r.value().contains("AutomatedTestDiscovered") && r.value().contains(runId)).toList();
    }

    private Response importing(byte[] body, Map<String, String> query) {
        return project.tester().api().contentType("application/xml").queryParam("projectId", project.id()).queryParams(query)
                .body(body).post("/api/imports/junit");
    }

    private long count(String sql) {
        return pool.preparedQuery(sql).execute(Tuple.of(project.id())).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
