package io.testtrack.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CI import as a pipeline makes it (bench/import.sh runs it): writes a JUnit XML report of N
 * testcases (Surefire-like: 90% pass, 5% fail with a message and a stack trace, 3% skipped, 2%
 * errors, some with system-out), POSTs it through the gateway with a project API token, and
 * samples the execution-service's resident memory meanwhile. Prints a RESULT line with the wall
 * time, the run id (so the script can time COPY of the same rows) and the peak RSS.
 */
public final class JunitImportBench {

    private JunitImportBench() {
    }

    /** args: gateway URL, API token, project id, testcases, execution-service pid, report file. */
    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        String project = args[2];
        int testcases = Integer.parseInt(args[3]);
        long pid = Long.parseLong(args[4]);
        Path report = Path.of(args[5]);
        write(report, testcases);
        long bytes = Files.size(report);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peakKb = new AtomicLong(rssKb(pid));
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peakKb.accumulateAndGet(rssKb(pid), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long rssBefore = rssKb(pid);
        sampler.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/imports/junit?projectId=" + project + "&buildVersion=bench-"
                        + testcases + "-" + System.nanoTime()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(report)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        if (response.statusCode() != 201) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
        }
        String runId = response.body().replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1");
        System.out.printf("RESULT import testcases=%d reportMB=%.1f seconds=%.2f runId=%s rssBeforeMB=%d peakRssMB=%d%n", testcases,
                bytes / 1048576.0, seconds, runId, rssBefore / 1024, peakKb.get() / 1024);
    }

    private static void write(Path file, int testcases) throws IOException {
        Random random = new Random(7);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
            int perClass = 50;
            for (int c = 0; c < (testcases + perClass - 1) / perClass; c++) {
                String classname = "com.bench.module" + (c % 40) + ".Feature" + c + "Test";
                out.write("  <testsuite name=\"" + classname + "\" tests=\"" + perClass + "\">\n");
                for (int t = 0; t < perClass && c * perClass + t < testcases; t++) {
                    int roll = random.nextInt(100);
                    out.write("    <testcase classname=\"" + classname + "\" name=\"test" + t + "_behaves\" time=\"" + (random.nextInt(3000) / 1000.0)
                            + "\"");
                    if (roll < 90) {
                        out.write(roll < 5 ? "><system-out>started\nstep ok\nfinished</system-out></testcase>\n" : "/>\n");
                    } else if (roll < 95) {
                        out.write("><failure message=\"expected:&lt;200&gt; but was:&lt;500&gt;\" type=\"org.opentest4j.AssertionFailedError\">"
                                + "org.opentest4j.AssertionFailedError: expected:&lt;200&gt; but was:&lt;500&gt;\n\tat " + classname + ".test" + t
                                + "(Feature.java:42)\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)</failure></testcase>\n");
                    } else if (roll < 98) {
                        out.write("><skipped message=\"disabled on CI\"/></testcase>\n");
                    } else {
                        out.write("><error message=\"Connection refused\" type=\"java.net.ConnectException\">java.net.ConnectException: "
                                + "Connection refused</error></testcase>\n");
                    }
                }
                out.write("  </testsuite>\n");
            }
            out.write("</testsuites>\n");
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
