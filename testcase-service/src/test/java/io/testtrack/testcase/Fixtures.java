package io.testtrack.testcase;

import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Member;
import io.testtrack.platform.testing.TestProjects.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: projects (TestProjects, known through real access events) and case bodies. */
public final class Fixtures {

    public static Member user(String globalRole) {
        return TestProjects.user(globalRole);
    }

    public static Member admin() {
        return TestProjects.user("ADMIN");
    }

    /** A project with a LEAD, TESTER, DEVELOPER and VIEWER, once the projection has them all. */
    public static Project project() {
        return TestProjects.create("/api/suites");
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
