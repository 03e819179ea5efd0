package io.testtrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * testcase-service under load, through its REST API as clients use it (bench/testcase.sh runs it
 * against the local stack): seeds a project with 100,000 cases by CSV imports of 10,000 rows
 * (each one timed), then measures with 20 concurrent clients the latency of a search (text and
 * tag filter, page of 50) on its first page and on a deep cursor, of a deep page of the
 * unfiltered list, and of creating a case. Prints RESULT lines.
 */
public final class TestcaseBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = { "checkout", "payment", "refund", "login", "search", "cart", "coupon", "invoice",
            "profile", "export", "import", "report", "filter", "upload", "avatar", "session", "token", "billing", "address",
            "shipping", "discount", "wishlist", "review", "rating", "banner", "locale", "currency", "timezone", "webhook",
            "audit", "archive", "restore", "backup", "quota", "invite", "mention", "comment", "thread", "inbox", "badge",
            "theme", "layout", "sidebar", "tooltip", "modal", "wizard", "stepper", "carousel", "gallery", "captcha" };
    private static final String[] TAGS = { "smoke", "regression", "api", "ui", "mobile", "slow", "flaky", "nightly", "p1", "edge" };
    private static final int CLIENTS = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(CLIENTS + 4)).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private TestcaseBench(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * args: testcase-service URL, access token, project id, total cases, measure seconds, phase:
     * seed, measure (with this JVM's HTTP client) or targets (the paths, for wrk).
     */
    public static void main(String[] args) throws Exception {
        TestcaseBench bench = new TestcaseBench(args[0], args[1]);
        String project = args[2];
        int total = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        if (args[5].equals("seed")) {
            bench.seed(project, total);
            System.exit(0);
        }
        String q = "checkout";
        String tag = "regression";
        String filter = "projectId=" + project + "&q=" + q + "&tags=" + tag + "&limit=50";
        String deep = bench.lastCursor(filter);
        String deepList = bench.cursorAfter("projectId=" + project + "&limit=50", total - 1000);
        if (args[5].equals("targets")) {
            // For wrk (bench/testcase.sh): the paths to measure, one per line.
            System.out.println("TARGET search-first-page /api/tests?" + filter);
            System.out.println("TARGET search-deep-cursor /api/tests?" + filter + "&cursor=" + deep);
            System.out.println("TARGET list-deep-cursor /api/tests?projectId=" + project + "&limit=50&cursor=" + deepList);
            System.exit(0);
        }
        bench.measure("search-first-page", seconds, i -> bench.get("/api/tests?" + filter));
        bench.measure("search-deep-cursor", seconds, i -> bench.get("/api/tests?" + filter + "&cursor=" + deep));
        bench.measure("list-deep-cursor", seconds, i -> bench.get("/api/tests?projectId=" + project + "&limit=50&cursor=" + deepList));
        bench.measure("create", seconds, i -> bench.post("/api/tests", "application/json",
                "{\"projectId\":\"" + project + "\",\"title\":\"Bench case " + i + " checkout\",\"tags\":[\"smoke\"],"
                        + "\"steps\":[{\"index\":1,\"action\":\"Open\",\"expectedResult\":\"Shown\"}]}"));
        System.exit(0);
    }

    private void seed(String project, int total) throws Exception {
        Random random = new Random(42);
        int chunk = 10_000;
        for (int done = 0; done < total; done += chunk) {
            StringBuilder csv = new StringBuilder("title,description,priority,tags,steps\n");
            for (int i = 0; i < chunk; i++) {
                String a = WORDS[random.nextInt(WORDS.length)];
                String b = WORDS[random.nextInt(WORDS.length)];
                String c = WORDS[random.nextInt(WORDS.length)];
                csv.append("The ").append(a).append(' ').append(b).append(" flow ").append(done + i).append(',')
                        .append("Checks that ").append(c).append(" works with ").append(a).append(',')
                        .append(new String[] { "CRITICAL", "HIGH", "MEDIUM", "LOW" }[random.nextInt(4)]).append(',')
                        .append(TAGS[random.nextInt(TAGS.length)]).append(';').append(TAGS[random.nextInt(TAGS.length)]).append(',')
                        .append("\"[{\"\"action\"\":\"\"Open the ").append(c).append(" page\"\",\"\"expectedResult\"\":\"\"The ")
                        .append(b).append(" shows\"\"},{\"\"action\"\":\"\"Submit\"\",\"\"expectedResult\"\":\"\"Saved\"\"}]\"\n");
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request("/api/tests/import?projectId=" + project)
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            double secs = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
            }
            System.out.printf("RESULT csv-import rows=%d casesBefore=%d seconds=%.2f%n", chunk, done, secs);
        }
    }

    private String lastCursor(String filter) throws Exception {
        String cursor = null;
        String last = null;
        int pages = 0;
        do {
            JsonNode page = JSON.readTree(get("/api/tests?" + filter + (cursor == null ? "" : "&cursor=" + cursor)).body());
            last = cursor;
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
            pages++;
            if (pages == 1) {
                System.out.printf("RESULT search-matches total=%d%n", page.path("total").asLong());
            }
        } while (cursor != null);
        System.out.printf("RESULT search-pages pages=%d (the deep cursor is the last page's)%n", pages);
        return last == null ? "" : URLEncoder.encode(last, StandardCharsets.UTF_8);
    }

    private String cursorAfter(String filter, int rows) throws Exception {
        String cursor = null;
        int seen = 0;
        while (seen < rows) {
            JsonNode page = JSON.readTree(get("/api/tests?" + filter.replace("limit=50", "limit=200")
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).body());
            seen += page.path("items").size();
            cursor = page.path("nextCursor").asText(null);
        }
        System.out.printf("RESULT list-deep-cursor-position rows=%d%n", seen);
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private void measure(String name, int seconds, IntFunction<HttpResponse<String>> call) throws Exception {
        run(Math.min(10, seconds), call, new ConcurrentHistogram(3));
        Histogram histogram = new ConcurrentHistogram(3);
        AtomicLong errors = run(seconds, call, histogram);
        System.out.printf("RESULT %s clients=%d requests=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms rps=%.0f errors=%d%n", name,
                CLIENTS, histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(95) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0, histogram.getTotalCount() / (double) seconds, errors.get());
    }

    private AtomicLong run(int seconds, IntFunction<HttpResponse<String>> call, Histogram histogram) throws Exception {
        AtomicLong errors = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = call.apply((int) counter.incrementAndGet());
                    histogram.recordValue((System.nanoTime() - start) / 1000);
                    if (response.statusCode() >= 300) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (var f : running) {
            f.get();
        }
        clients.shutdown();
        return errors;
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private HttpResponse<String> post(String path, String type, String body) {
        return send(request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(120));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
