package io.testtrack.platform.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.testtrack.platform.correlation.CorrelationId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    private static final String VALID = """
            {"email":"ada@example.com","name":"Ada","priority":"HIGH","estimate":5,"tags":["a"]}""";

    @ParameterizedTest
    @CsvSource({
            "not-found, 404, /problems/not-found, Not found, Test case TT-9 does not exist.",
            "conflict, 409, /problems/conflict, Conflict, Version 3 is stale; the case is at version 4.",
            "forbidden, 403, /problems/forbidden, Forbidden, Viewers cannot edit test cases.",
            "unauthorized, 401, /problems/unauthorized, Unauthorized, The access token has expired.",
            "invalid, 400, /problems/invalid-request, Invalid request, Steps must be numbered 1..n without gaps.",
            "too-large, 413, /problems/payload-too-large, Payload too large, The description is over 1 MB."
    })
    void domainExceptionsBecomeProblemDetails(String kind, int status, String type, String title, String detail) {
        given().header(CorrelationId.HEADER, "req-" + kind)
                .get("/probe/problems/" + kind)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .header(CorrelationId.HEADER, "req-" + kind)
                .body("type", is(type))
                .body("title", is(title))
                .body("status", is(status))
                .body("detail", is(detail))
                .body("instance", is("/probe/problems/" + kind))
                .body("requestId", is("req-" + kind));
    }

    @Test
    void anUnexpectedErrorHidesItsInternals() {
        given().get("/probe/problems/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", is("/problems/internal"))
                .body("detail", containsString("quote the request id"))
                .body("requestId", notNullValue())
                .body(not(containsString("SELECT")))
                .body(not(containsString("password_hash")))
                .body(not(containsString("IllegalStateException")));
    }

    /** {@code bytes} of JSON sent chunked, without a Content-Length. */
    private static String postChunkedJson(String path, int bytes) throws Exception {
        return io.testtrack.platform.testing.ChunkedRequests.post("localhost", io.restassured.RestAssured.port, path,
                java.util.Map.of("Content-Type", "application/json"),
                "{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"priority\":\"HIGH\",\"padding\":\"", bytes, "\"}");
    }

    @Test
    void aChunkedJsonBodyIsCountedAsItArrives() throws Exception {
        // The HTTP limit here is 25 MB, as in a service that takes uploads; JSON stays at 1 MB.
        String refused = postChunkedJson("/probe/validated", 3 * 1024 * 1024);
        org.junit.jupiter.api.Assertions.assertTrue(refused.startsWith("HTTP/1.1 413"), refused);
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("application/problem+json"), refused);
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("/problems/payload-too-large"), refused);
        String accepted = postChunkedJson("/probe/validated", 200 * 1024);
        org.junit.jupiter.api.Assertions.assertTrue(accepted.startsWith("HTTP/1.1 200"), accepted);
        org.junit.jupiter.api.Assertions.assertTrue(accepted.contains("ada@example.com"), accepted);
    }

    @Test
    void aValidBodyPasses() {
        given().contentType(ContentType.JSON).body(VALID).post("/probe/validated")
                .then().statusCode(200).body("email", is("ada@example.com"));
    }

    @Test
    void validationErrorsNameEveryField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"email":"not-an-email","name":"","priority":"HIGH","estimate":5000,"tags":["a","b","c","d"]}""")
                .post("/probe/validated")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("/problems/validation"))
                .body("errors.field", hasItems("email", "name", "estimate", "tags"))
                .body("detail", containsString("email"));
    }

    @Test
    void anOverlongFieldIsRefused() {
        String name = "x".repeat(101);
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"ada@example.com\",\"name\":\"" + name + "\",\"priority\":\"LOW\",\"estimate\":1}")
                .post("/probe/validated")
                .then().statusCode(400)
                .body("errors[0].field", is("name"))
                .body("errors[0].message", containsString("100"));
    }

    @Test
    void malformedJsonIsA400WithItsLocation() {
        given().contentType(ContentType.JSON).body("{\"email\": \"ada@example.com\", ")
                .post("/probe/validated")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("/problems/malformed-json"))
                .body("detail", containsString("line"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        given().contentType(ContentType.JSON)
                .body(VALID.replace("\"HIGH\"", "\"URGENT\""))
                .post("/probe/validated")
                .then().statusCode(400)
                .body("errors[0].field", is("priority"))
                .body("errors[0].message", containsString("CRITICAL, HIGH, MEDIUM, LOW"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        given().contentType(ContentType.JSON)
                .body(VALID.replace("\"estimate\":5", "\"estimate\":\"five\""))
                .post("/probe/validated")
                .then().statusCode(400)
                .body("errors[0].field", is("estimate"))
                .body("errors[0].message", is("must be a number"));
    }

    @Test
    void theWrongMediaTypeIsA415Problem() {
        given().contentType(ContentType.XML).body("<signup/>").post("/probe/validated")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", is(415));
    }

    @Test
    void aRequestIdIsCreatedWhenMissingAndAForgedOneIsReplaced() {
        given().get("/probe/problems/not-found")
                .then().header(CorrelationId.HEADER, matchesPattern("[0-9a-f-]{36}"));
        given().header(CorrelationId.HEADER, "bad id\r\nSet-Cookie: x=1")
                .get("/probe/problems/not-found")
                .then().header(CorrelationId.HEADER, matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", not(equalTo("bad id")));
    }
}
