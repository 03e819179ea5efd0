package io.testtrack.defect;

import io.restassured.path.json.JsonPath;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Member;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.HashMap;
import java.util.Map;

/** Test data: projects known to defect-service, and defects filed in them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Project project() {
        return TestProjects.create("/api/bugs");
    }

    /** Files a defect as {@code by}, with the fields given over a title; answers its JSON. */
    public static JsonPath defect(Project project, Member by, String title, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("projectId", project.id());
        body.put("title", title);
        return by.api().body(body).post("/api/bugs").then().statusCode(201).extract().jsonPath();
    }

    /** Makes a move as {@code by}; answers the defect after it. */
    public static JsonPath move(Member by, String id, Map<String, Object> fields) {
        int version = by.api().get("/api/bugs/" + id).then().statusCode(200).extract().path("version");
        Map<String, Object> body = new HashMap<>(fields);
        body.put("version", version);
        return by.api().body(body).post("/api/bugs/" + id + "/transitions").then().statusCode(200).extract().jsonPath();
    }
}
