package io.testtrack.testcase.api;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.testtrack.testcase.Fixtures;
import io.testtrack.testcase.repository.SearchPool;
import io.testtrack.platform.testing.TestProjects.Project;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Search over 10,000 cases (imported through the CSV import) agrees with the same filters
 * computed here, and keyset paging returns every match exactly once, in order.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    private static final int CASES = 10_000;
    private static final String[] WORDS = { "quokka", "zebra", "otter", "lynx", "heron" };
    private static final String[] PRIORITIES = { "CRITICAL", "HIGH", "MEDIUM", "LOW" };
    private static final String[] SUITES = { "", "Web", "Web / Checkout", "Mobile" };
    private static final String[] AREAS = { "cart", "search", "account" };

    record Generated(int number, String title, String word, List<String> tags, String priority, String suite, String area,
            boolean automated, String stepWord) {
    }

    @Inject
    Pool pool;

    @Inject
    SearchPool searchPool;

    Project project;
    List<Generated> cases = new ArrayList<>();

    /** Once per class; in @BeforeEach because RestAssured learns the random test port only there. */
    @BeforeEach
    void importTenThousandCases() {
        if (project != null) {
            return;
        }
        project = Fixtures.project();
        project.lead().api().body(Map.of("projectId", project.id(), "name", "area", "label", "Area", "type", "SELECT",
                "options", List.of(AREAS))).post("/api/fields").then().statusCode(201);
        StringBuilder csv = new StringBuilder("title,tags,priority,suite,automation_key,steps,cf:area\n");
        for (int i = 1; i <= CASES; i++) {
            String word = WORDS[i % WORDS.length];
            List<String> tags = new ArrayList<>();
            if (i % 2 == 0) {
                tags.add("even");
            }
            if (i % 3 == 0) {
                tags.add("fizz");
            }
            if (i % 7 == 0) {
                tags.add("lucky");
            }
            Generated g = new Generated(i, String.format("Case %05d about the %s", i, word), word, tags,
                    PRIORITIES[(i / 5) % 4], SUITES[i % SUITES.length], AREAS[i % 11 % 3], i % 4 == 1, i % 13 == 0 ? "pelican" : "walk");
            cases.add(g);
            csv.append(g.title()).append(',').append(String.join(";", tags)).append(',').append(g.priority()).append(',')
                    .append(g.suite()).append(',').append(g.automated() ? "auto.Test#t" + i : "").append(',')
                    .append("\"[{\"\"action\"\":\"\"Feed the ").append(g.stepWord()).append("\"\"}]\"").append(',')
                    .append(g.area()).append('\n');
        }
        project.tester().api().contentType("text/csv").queryParam("projectId", project.id()).body(csv.toString())
                .post("/api/tests/import").then().statusCode(200).body("created", is(CASES));
    }

    /**
     * A search's best plan depends on its values; a prepared statement left to PostgreSQL's
     * default turns generic after five runs, and the text + tag search then takes a plan ten
     * times dearer (docs/benchmarks.md). The search connections plan every execution; the
     * application's pool, which writes, keeps PostgreSQL's default.
     */
    @Test
    void searchConnectionsPlanEachSearchForItsValuesAndWritesKeepTheDefault() {
        assertEquals("force_custom_plan", planCacheMode(searchPool.pool()));
        assertEquals("auto", planCacheMode(pool));
    }

    private static String planCacheMode(io.vertx.mutiny.sqlclient.Pool on) {
        return on.query("SHOW plan_cache_mode").execute().await().indefinitely().iterator().next().getString(0);
    }

    @Test
    void textAndTagFiltersMatchWhatTheCasesSay() {
        expect(Map.of("q", "quokka", "tags", "even"), g -> g.word().equals("quokka") && g.tags().contains("even"));
        expect(Map.of("q", "pelican"), g -> g.stepWord().equals("pelican"));
        expect(Map.of("tags", "fizz,lucky"), g -> g.tags().contains("fizz") && g.tags().contains("lucky"));
        expect(Map.of("q", "otter OR lynx", "priority", "CRITICAL,LOW"),
                g -> (g.word().equals("otter") || g.word().equals("lynx")) && List.of("CRITICAL", "LOW").contains(g.priority()));
    }

    @Test
    void suiteFiltersIncludeDescendants() {
        String web = project.tester().api().queryParam("projectId", project.id()).get("/api/suites").then().extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(s -> s.get("name").equals("Web") && s.get("parentId") == null)
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();
        expect(Map.of("suiteId", web), g -> g.suite().startsWith("Web"));
    }

    @Test
    void customFieldAndAutomationFiltersMatch() {
        expect(Map.of("cf.area", "search", "automated", "true"), g -> g.area().equals("search") && g.automated());
        expect(Map.of("automated", "false", "tags", "lucky"), g -> !g.automated() && g.tags().contains("lucky"));
    }

    @Test
    void sortsPageInTheirOrder() {
        List<String> byTitleDesc = cases.stream().filter(g -> g.tags().contains("lucky"))
                .sorted(Comparator.comparing((Generated g) -> g.title().toLowerCase()).reversed()).map(Generated::title).toList();
        assertEquals(byTitleDesc, all(Map.of("tags", "lucky", "sort", "-title"), "title"));
        List<String> byPriority = cases.stream().filter(g -> g.tags().contains("lucky"))
                .sorted(Comparator.comparing((Generated g) -> List.of(PRIORITIES).indexOf(g.priority()))
                        .thenComparing(Generated::number))
                .map(Generated::title).toList();
        assertEquals(byPriority, all(Map.of("tags", "lucky", "sort", "priority"), "title"));
    }

    @Test
    void totalsStopCountingAtTenThousand() {
        project.viewer().api().queryParam("projectId", project.id()).get("/api/tests").then()
                .body("total", is(CASES)).body("totalCapped", is(false));
        // A case no other test's filter matches takes the project over the cap.
        Fixtures.createCase(project, "Overflow", "tags", List.of(), "steps", List.of(), "description", "nothing");
        project.viewer().api().queryParam("projectId", project.id()).get("/api/tests").then()
                .body("total", is(CASES)).body("totalCapped", is(true));
        project.viewer().api().queryParam("projectId", project.id()).queryParam("q", "overflow").get("/api/tests").then()
                .body("total", is(1)).body("totalCapped", is(false));
    }

    private void expect(Map<String, String> filter, Predicate<Generated> matches) {
        List<String> expected = cases.stream().filter(matches).map(g -> project.key() + "-" + g.number()).toList();
        List<String> found = all(filter, "key");
        assertEquals(expected.size(), found.size(), "matches of " + filter);
        assertEquals(expected, found, "keys of " + filter);
    }

    /** Every page of a search, following the cursor; checks the total on each page. */
    private List<String> all(Map<String, String> filter, String field) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        long total = -1;
        do {
            var request = project.viewer().api().queryParam("projectId", project.id()).queryParam("limit", 200).queryParams(filter);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/tests").then().statusCode(200).extract().jsonPath();
            total = page.getLong("total");
            values.addAll(page.getList("items." + field));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(total, values.size(), "the total agrees with the pages");
        assertEquals(values.size(), IntStream.range(0, values.size()).mapToObj(values::get).distinct().count(), "no repeats");
        return values;
    }
}
