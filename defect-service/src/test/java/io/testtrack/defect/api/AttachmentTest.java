package io.testtrack.defect.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.defect.Fixtures;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Project;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A defect's attachments follow the execution attachments' rules: real content of an accepted type, 10 MB, members only. */
@QuarkusTest
class AttachmentTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

    Project project;
    String defect;

    @BeforeEach
    void aDefect() {
        project = Fixtures.project();
        defect = Fixtures.defect(project, project.tester(), "Broken layout", Map.of()).getString("id");
    }

    @Test
    void aScreenshotIsStoredUnderASafeNameAndReadBackByMembersOnly() {
        String id = project.developer().api().contentType("multipart/form-data").multiPart("file", "../../etc/pass\u0007wd.png", PNG, "image/png")
                .post("/api/bugs/" + defect + "/attachments").then().statusCode(201)
                .body("fileName", is("passwd.png")).body("size", is(PNG.length)).extract().path("id");
        byte[] back = project.viewer().api().accept("*/*").get("/api/bugs/" + defect + "/attachments/" + id).then().statusCode(200)
                .contentType("image/png").header("Content-Disposition", containsString("attachment"))
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(PNG, back);
        project.viewer().api().get("/api/bugs/" + defect + "/attachments").then().body("$", hasSize(1));
        TestProjects.user("TESTER").api().accept("*/*").get("/api/bugs/" + defect + "/attachments/" + id).then().statusCode(404);
        project.viewer().api().contentType("multipart/form-data").multiPart("file", "a.png", PNG, "image/png")
                .post("/api/bugs/" + defect + "/attachments").then().statusCode(403);
    }

    @Test
    void contentThatIsNotWhatItClaimsOrTooBigIsRefused() {
        byte[] html = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        upload("shot.png", html, "image/png").then().statusCode(400).body("errors[0].message", containsString("not image/png"));
        upload("page.html", html, "text/html").then().statusCode(400).body("errors[0].message", containsString("not accepted"));
        upload("big.log", new byte[10 * 1024 * 1024 + 1], "text/plain").then().statusCode(413).contentType("application/problem+json");
        upload("build.log", "BUILD FAILURE\n".getBytes(StandardCharsets.UTF_8), "text/plain").then().statusCode(201);
        project.viewer().api().get("/api/bugs/" + defect + "/attachments").then().body("$", hasSize(1));
    }

    private io.restassured.response.Response upload(String name, byte[] content, String type) {
        return project.tester().api().contentType("multipart/form-data").multiPart("file", name, content, type)
                .post("/api/bugs/" + defect + "/attachments");
    }
}
