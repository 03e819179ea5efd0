package io.testtrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * defect-service under load (bench/defects.sh seeds the project and starts the stack).
 * <ul>
 * <li>{@code transitions}: 20 clients, each moving its own share of the project's ASSIGNED
 * defects round the cycle ASSIGNED → CLOSED (won't fix) → REOPENED → ASSIGNED, one transition per
 * request, each with the version the client last saw;</li>
 * <li>{@code list}: 20 clients reading the default list, the project's newest 50;</li>
 * <li>{@code loop}: one defect filed from a failed step, fixed again and again: FIXED →
 * DefectRetestRequested → execution-service's re-test → RetestExecutionCreated → the re-test's
 * step recorded PASS → VERIFIED_FIXED, timed from the answer to the PASS to the first read that
 * shows VERIFIED_FIXED (reads every 10 ms), and, from the services' own clocks, from the step's
 * recordedAt to the history's VERIFIED_FIXED entry.</li>
 * </ul>
 */
public final class DefectBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 20, or -Dbench.clients for a side-by-side comparison at another concurrency. */
    private static final int CLIENTS = Integer.getInteger("bench.clients", 20);
    /**
     * 0: each client sends its next request as soon as the last is answered (the stack's
     * capacity). Above 0 (-Dbench.pace.ms): each client starts one request every that many
     * milliseconds, as people at work do, and a request's time counts from when it was due, so a
     * late answer delays nothing unmeasured.
     */
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(Long.getLong("bench.pace.ms", 0));
    private static final Duration LOOP_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(CLIENTS + 4)).connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    private DefectBench(String token) {
        this.token = token;
    }

    /**
     * args: phase (transitions, list or loop), access token, project id, then
     * transitions: defect-service URL, seconds, file of ASSIGNED defects' ids and versions ("id version" lines);
     * list: defect-service URL, seconds;
     * loop: testcase-, execution-, defect-service URLs, iterations.
     */
    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        DefectBench bench = new DefectBench(args[1]);
        String project = args[2];
        switch (args[0]) {
            case "transitions" -> bench.transitions(args[3], Integer.parseInt(args[4]), Files.readAllLines(Path.of(args[5])));
            case "list" -> bench.measure("list-default", Integer.parseInt(args[4]),
                    client -> bench.get(args[3] + "/api/bugs?projectId=" + project));
            case "loop" -> bench.loop(project, args[3], args[4], args[5], Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("phase: transitions, list or loop");
        }
    }

    // --- transitions -------------------------------------------------------------------------

    /** One client's defects: where each stands in the cycle and the version it was last seen at. */
    private final class Cycler {
        private static final String[] CYCLE = { "CLOSED", "REOPENED", "ASSIGNED" };
        private final String base;
        private final List<String> ids;
        private final int[] step;
        private final int[] version;
        private int next;

        Cycler(String base, List<String> ids) {
            this.base = base;
            this.ids = ids;
            this.step = new int[ids.size()];
            this.version = new int[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                String[] idAndVersion = ids.get(i).split(" ");
                ids.set(i, idAndVersion[0]);
                version[i] = Integer.parseInt(idAndVersion[1]);
            }
        }

        HttpResponse<String> move() {
            int i = next++ % ids.size();
            String to = CYCLE[step[i]];
            String body = "{\"to\":\"" + to + "\",\"version\":" + version[i] + (to.equals("CLOSED") ? ",\"resolution\":\"WONT_FIX\"" : "") + "}";
            HttpResponse<String> response = post(base + "/api/bugs/" + ids.get(i) + "/transitions", body);
            if (response.statusCode() == 200) {
                step[i] = (step[i] + 1) % CYCLE.length;
                version[i] = read(response).path("version").asInt();
            }
            return response;
        }
    }

    private void transitions(String base, int seconds, List<String> ids) throws Exception {
        ids = new ArrayList<>(ids);
        List<Cycler> cyclers = new ArrayList<>();
        int share = ids.size() / CLIENTS;
        for (int c = 0; c < CLIENTS; c++) {
            cyclers.add(new Cycler(base, ids.subList(c * share, (c + 1) * share)));
        }
        measure("transition", seconds, client -> cyclers.get(client).move());
    }

    // --- the closed loop ---------------------------------------------------------------------

    private void loop(String project, String testcase, String execution, String defect, int iterations) throws Exception {
        JsonNode created = read(expect(201, post(testcase + "/api/tests", "{\"projectId\":\"" + project + "\",\"title\":\"Bench loop case\","
                + "\"steps\":[{\"index\":1,\"action\":\"Pay\",\"expectedResult\":\"Paid\"}]}")));
        String runBody = "{\"projectId\":\"" + project + "\",\"name\":\"Bench loop\",\"selection\":{\"caseIds\":[\"" + created.path("id").asText()
                + "\"]}}";
        HttpResponse<String> run = until("execution-service knows the case", () -> post(execution + "/api/runs", runBody),
                r -> r.statusCode() == 201);
        String failed = read(get(execution + "/api/runs/" + read(run).path("id").asText() + "/executions")).path("items").path(0)
                .path("id").asText();
        expect(200, put(execution + "/api/executions/" + failed + "/steps/1", "{\"status\":\"FAIL\",\"actualResult\":\"Declined\"}"));
        String fileBody = "{\"executionId\":\"" + failed + "\",\"stepIndex\":1}";
        HttpResponse<String> filed = until("defect-service knows the failed step", () -> post(defect + "/api/bugs", fileBody),
                r -> r.statusCode() != 404);
        JsonNode d = read(expect(201, filed));
        String id = d.path("id").asText();
        String me = read(get(defect + "/api/bugs/" + id)).path("reporterId").asText();
        int version = move(defect, id, d.path("version").asInt(), "{\"to\":\"ASSIGNED\",\"assigneeId\":\"" + me + "\"}");
        version = move(defect, id, version, "{\"to\":\"IN_PROGRESS\"}");

        Histogram observed = new Histogram(3);
        Histogram serverSide = new Histogram(3);
        Histogram retestRequested = new Histogram(3);
        for (int i = 0; i < iterations; i++) {
            long fixedAt = System.nanoTime();
            move(defect, id, version, "{\"to\":\"FIXED\",\"fix\":{\"rootCause\":\"Bench\",\"summary\":\"Fix " + i + "\"}}");
            JsonNode awaiting = awaitStatus(defect, id, "AWAITING_VERIFICATION");
            retestRequested.recordValue((System.nanoTime() - fixedAt) / 1000);
            String retest = awaiting.path("retestExecutionId").asText();

            JsonNode recorded = read(expect(200, put(execution + "/api/executions/" + retest + "/steps/1", "{\"status\":\"PASS\"}")));
            long recordedAt = System.nanoTime();
            JsonNode verified = awaitStatus(defect, id, "VERIFIED_FIXED");
            observed.recordValue((System.nanoTime() - recordedAt) / 1000);
            Instant stepAt = Instant.parse(recorded.path("steps").path(0).path("recordedAt").asText());
            JsonNode history = read(get(defect + "/api/bugs/" + id + "/history"));
            Instant verifiedAt = null;
            for (JsonNode entry : history) {
                if (entry.path("to").asText().equals("VERIFIED_FIXED")) {
                    verifiedAt = Instant.parse(entry.path("at").asText());
                }
            }
            serverSide.recordValue(Math.max(0, Duration.between(stepAt, verifiedAt).toNanos() / 1000));

            version = verified.path("version").asInt();
            version = move(defect, id, version, "{\"to\":\"CLOSED\"}");
            version = move(defect, id, version, "{\"to\":\"REOPENED\"}");
            version = move(defect, id, version, "{\"to\":\"ASSIGNED\"}");
            version = move(defect, id, version, "{\"to\":\"IN_PROGRESS\"}");
        }
        print("loop-pass-to-verified", observed, 0, 0);
        print("loop-pass-to-verified-server-clock", serverSide, 0, 0);
        print("loop-fixed-to-retest-created", retestRequested, 0, 0);
    }

    private int move(String defect, String id, int version, String transition) {
        String body = transition.substring(0, transition.length() - 1) + ",\"version\":" + version + "}";
        return read(expect(200, post(defect + "/api/bugs/" + id + "/transitions", body))).path("version").asInt();
    }

    private JsonNode awaitStatus(String defect, String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + LOOP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode d = read(expect(200, get(defect + "/api/bugs/" + id)));
            if (d.path("status").asText().equals(status)) {
                return d;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("defect " + id + " did not reach " + status + " in " + LOOP_TIMEOUT);
    }

    // --- load and percentiles ----------------------------------------------------------------

    /** {@code call} is given the number of the client making it, 0 to 19; warm-up and measurement have the same clients. */
    private void measure(String name, int seconds, IntFunction<HttpResponse<String>> call) throws Exception {
        load(Math.min(10, seconds), call, new ConcurrentHistogram(3));
        Histogram histogram = new ConcurrentHistogram(3);
        AtomicLong errors = load(seconds, call, histogram);
        print(name, histogram, seconds, errors.get());
    }

    /** {@code seconds} 0: one after the other (the loop), no rate. */
    private static void print(String name, Histogram h, int seconds, long errors) {
        System.out.printf("RESULT %s clients=%d pace_ms=%d count=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms per_second=%.0f errors=%d%n", name,
                name.startsWith("loop") ? 1 : CLIENTS, TimeUnit.NANOSECONDS.toMillis(PACE_NANOS), h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, seconds == 0 ? 0 : h.getTotalCount() / (double) seconds, errors);
    }

    private static AtomicLong load(int seconds, IntFunction<HttpResponse<String>> call, Histogram histogram) throws Exception {
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                // spread the clients' first requests over one pace
                long due = System.nanoTime() + PACE_NANOS * client / CLIENTS;
                while (due < deadline) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    long start = PACE_NANOS == 0 ? System.nanoTime() : due;
                    due = PACE_NANOS == 0 ? System.nanoTime() : due + PACE_NANOS;
                    HttpResponse<String> response = call.apply(client);
                    histogram.recordValue((System.nanoTime() - start) / 1000);
                    if (response.statusCode() >= 300) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println("error " + response.statusCode() + " " + response.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        return errors;
    }

    // --- HTTP --------------------------------------------------------------------------------

    private HttpResponse<String> until(String what, java.util.function.Supplier<HttpResponse<String>> call,
            java.util.function.Predicate<HttpResponse<String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + LOOP_TIMEOUT.toNanos();
        HttpResponse<String> last;
        do {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(what + ": still " + last.statusCode() + " " + last.body());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String url) {
        return send(request(url).GET().build());
    }

    private HttpResponse<String> post(String url, String json) {
        return send(request(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> put(String url, String json) {
        return send(request(url).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
