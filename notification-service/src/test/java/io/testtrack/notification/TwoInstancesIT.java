package io.testtrack.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.platform.testing.TestProjects;
import io.testtrack.platform.testing.TestProjects.Project;
import io.testtrack.platform.testing.TestPublisher;
import io.testtrack.platform.testing.TestTokens;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service, as two replicas behind the gateway: whichever instance
 * consumes an event and whichever holds a socket, every subscribed client receives each message
 * exactly once.
 */
class TwoInstancesIT {

    private static final List<Process> instances = new ArrayList<>();
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path key = Files.createTempFile("notification-it-jwt", ".pem");
        try (InputStream in = TestTokens.class.getResourceAsStream("jwt/public.pem")) {
            Files.write(key, in.readAllBytes());
        }
        portA = freePort();
        portB = freePort();
        instances.add(start(portA, key, "a"));
        instances.add(start(portB, key, "b"));
        awaitReady(portA);
        awaitReady(portB);
        RestAssured.port = portA;
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        for (Process process : instances) {
            process.destroy();
        }
        for (Process process : instances) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void everyClientGetsEveryMessageOnceWhicheverInstanceHoldsIt() {
        URI wsA = URI.create("ws://localhost:" + portA + "/ws");
        URI wsB = URI.create("ws://localhost:" + portB + "/ws");
        Project project = TestProjects.create("/api/notifications/unread-count");
        UUID runId = Live.knownRun(wsA, project.id(), project.lead().token());
        int events = 40;
        try (SocketClient onA = SocketClient.ready(wsA, project.lead().token());
                SocketClient onB = SocketClient.ready(wsB, project.tester().token());
                SocketClient sameUserOnB = SocketClient.ready(wsB, project.lead().token());
                TestPublisher execution = new TestPublisher("/testtrack/execution-service")) {
            for (SocketClient client : List.of(onA, onB, sameUserOnB)) {
                client.subscribe("project:" + project.id());
                client.next("subscribed");
            }
            Set<String> published = new HashSet<>();
            for (int i = 0; i < events; i++) {
                published.add(execution.publish(new StepResultRecorded(UUID.randomUUID(), runId, project.id(), i + 1, StepStatus.PASS,
                        project.developer().id(), null, null, null, null, null, null, null, null)).id());
            }
            for (SocketClient client : List.of(onA, onB, sameUserOnB)) {
                List<String> received = eventIds(client, events);
                assertEquals(events, received.size(), "each event once: " + received);
                assertEquals(published, new HashSet<>(received));
            }

            // a chat message posted through one instance reaches a socket held by the other, once
            RestAssured.port = portB;
            project.developer().api().body(Map.of("body", "from B")).post("/api/notifications/chat/project:" + project.id())
                    .then().statusCode(201);
            RestAssured.port = portA;
            JsonNode chat = onA.next("chat");
            assertEquals("from B", chat.at("/message/body").asText());
            assertTrue(onA.drain(Duration.ofSeconds(1)).stream().noneMatch(m -> m.path("type").asText().equals("chat")));
        }
    }

    /** Event ids received until {@code expected} came, then a further second, to catch any repeat. */
    private static List<String> eventIds(SocketClient client, int expected) {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ids.size() < expected && System.nanoTime() < deadline) {
            client.drain(Duration.ofMillis(200)).stream().filter(m -> m.path("type").asText().equals("event"))
                    .forEach(m -> ids.add(m.at("/event/id").asText()));
        }
        client.drain(Duration.ofSeconds(1)).stream().filter(m -> m.path("type").asText().equals("event"))
                .forEach(m -> ids.add(m.at("/event/id").asText()));
        return ids;
    }

    private static Process start(int port, Path key, String name) throws IOException {
        String jar = System.getProperty("notification.jar", "target/quarkus-app/quarkus-run.jar");
        File log = new File(new File(jar).getParentFile().getParentFile(), "instance-" + name + ".log");
        return new ProcessBuilder("java", "-Xmx256m", "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port,
                "-Dmp.jwt.verify.publickey.location=" + key.toUri(), "-jar", jar)
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("instance on port " + port + " not ready within 120 s; see target/instance-*.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
