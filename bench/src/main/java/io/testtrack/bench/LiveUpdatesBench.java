package io.testtrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.testtrack.events.EventCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Commit of a step result → the matching event on WebSocket clients, everything through the
 * gateway as a browser would: sign in, a project with cases, a run; sockets at {@code /ws}
 * (authenticated by their first message) following the run; then step results recorded with
 * {@code PUT /api/executions/{id}/steps/{index}} at a steady rate, open loop (each call starts at
 * its planned time, whatever the previous ones do, up to {@code MAX_IN_FLIGHT} at once). Each
 * call's comment carries its sequence number, which the event on the socket repeats.
 *
 * <pre>
 *   LiveUpdatesBench GATEWAY EMAIL PASSWORD RATES SECONDS [SOCKETS] [CASES] [STEPS] [MAX_IN_FLIGHT]
 *   e.g. LiveUpdatesBench http://localhost:8080 admin@testtrack.local secret 100,1000 30 4 200 5 512
 * </pre>
 * Times, per rate: the record call (send → HTTP response); response → socket (the commit happened
 * before the response, so this is the part the live path adds); send → socket; and planned start
 * → socket, which also counts the time a call waited for a free slot when the stack fell behind.
 * Prints RESULT lines.
 */
public final class LiveUpdatesBench {

    private static final String TAG = "live-bench-";
    private static final int WARMUP_SECONDS = 10;
    private static final int WARMUP_RATE = 100;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final URI gateway;
    private String token;

    private LiveUpdatesBench(URI gateway, int maxInFlight) {
        this.gateway = gateway;
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(gateway.getHost()).setDefaultPort(gateway.getPort())
                .setKeepAlive(true).setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(maxInFlight).setMaxWaitQueueSize(-1));
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        String email = args[1];
        String password = args[2];
        int[] rates = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[4]);
        int sockets = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        int cases = args.length > 6 ? Integer.parseInt(args[6]) : 200;
        int steps = args.length > 7 ? Integer.parseInt(args[7]) : 5;
        int maxInFlight = args.length > 8 ? Integer.parseInt(args[8]) : 512;
        LiveUpdatesBench bench = new LiveUpdatesBench(gateway, maxInFlight);
        try {
            bench.run(email, password, rates, seconds, sockets, cases, steps, maxInFlight);
        } finally {
            bench.vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private void run(String email, String password, int[] rates, int seconds, int socketCount, int caseCount, int steps, int maxInFlight)
            throws Exception {
        token = call(HttpMethod.POST, "/api/auth/login", object().put("email", email).put("password", password)).path("accessToken").asText();
        String key = "LB" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        UUID project = uuid(call(HttpMethod.POST, "/api/projects", object().put("key", key).put("name", "Live updates bench " + key)));
        List<UUID> caseIds = new ArrayList<>();
        for (int c = 0; c < caseCount; c++) {
            ObjectNode body = object().put("projectId", project.toString()).put("title", "Live case " + c).put("status", "READY");
            ArrayNode list = body.putArray("steps");
            for (int s = 1; s <= steps; s++) {
                list.addObject().put("index", s).put("action", "Do " + s).put("expectedResult", "Done " + s);
            }
            caseIds.add(uuid(c == 0 ? callOnceKnown(HttpMethod.POST, "/api/tests", body) : call(HttpMethod.POST, "/api/tests", body)));
        }
        UUID run = run(project, caseIds);
        List<UUID> executions = new ArrayList<>();
        for (JsonNode item : call(HttpMethod.GET, "/api/runs/" + run + "/executions?limit=500", null).path("items")) {
            executions.add(UUID.fromString(item.path("id").asText()));
        }
        System.err.printf("project %s, run %s with %d executions of %d steps%n", key, run, executions.size(), steps);

        Phase[] current = new Phase[1];
        List<WebSocket> open = openSockets(socketCount, run, current);
        System.err.printf("%d sockets follow run:%s%n", open.size(), run);

        Semaphore slots = new Semaphore(maxInFlight);
        current[0] = new Phase(WARMUP_RATE, WARMUP_RATE * WARMUP_SECONDS, socketCount);
        drive(current[0], executions, steps, slots);
        current[0].awaitDeliveries(10);
        for (int rate : rates) {
            current[0] = new Phase(rate, rate * seconds, socketCount);
            drive(current[0], executions, steps, slots);
            current[0].awaitDeliveries(15);
            current[0].report();
        }
        open.forEach(WebSocket::close);
    }

    /** A run of every case, once the execution service's copy of the cases has them all. */
    private UUID run(UUID project, List<UUID> caseIds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (int attempt = 1; ; attempt++) {
            ObjectNode body = object().put("projectId", project.toString()).put("name", "Live updates " + attempt);
            ArrayNode ids = body.putObject("selection").putArray("caseIds");
            caseIds.forEach(id -> ids.add(id.toString()));
            JsonNode created = callOnceKnown(HttpMethod.POST, "/api/runs", body);
            int total = 0;
            for (JsonNode count : created.path("counts")) {
                total += count.asInt();
            }
            if (total == caseIds.size()) {
                return uuid(created);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the run has " + total + " of " + caseIds.size() + " cases after 2 minutes");
            }
            Thread.sleep(2_000);
        }
    }

    private List<WebSocket> openSockets(int count, UUID run, Phase[] current) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(10_000));
        CountDownLatch subscribed = new CountDownLatch(count);
        List<WebSocket> open = new ArrayList<>();
        String channel = "run:" + run;
        for (int s = 0; s < count; s++) {
            int socket = s;
            WebSocket ws = client.connect(new WebSocketConnectOptions().setHost(gateway.getHost()).setPort(gateway.getPort()).setURI("/ws"))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            open.add(ws);
            ws.textMessageHandler(text -> {
                long now = System.nanoTime();
                JsonNode message = read(text);
                switch (message.path("type").asText()) {
                    case "ready" -> ws.writeTextMessage(subscribe(channel));
                    case "subscribed" -> subscribed.countDown();
                    // the notification service may not have heard of the run yet
                    case "error" -> vertx.setTimer(500, t -> ws.writeTextMessage(subscribe(channel)));
                    case "event" -> {
                        String comment = message.at("/event/data/comment").asText("");
                        Phase phase = current[0];
                        if (phase != null && "StepResultRecorded".equals(message.at("/event/type").asText())
                                && comment.startsWith(phase.tag)) {
                            phase.arrived(socket, Integer.parseInt(comment.substring(phase.tag.length())), now);
                        }
                    }
                    default -> { }
                }
            });
            ws.closeHandler(v -> System.err.printf("socket %d closed: %s %s%n", socket, ws.closeStatusCode(), ws.closeReason()));
            ws.writeTextMessage(object().put("type", "auth").put("token", token).toString());
        }
        if (!subscribed.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(subscribed.getCount() + " sockets not subscribed to " + channel);
        }
        return open;
    }

    /** Sends the phase's calls at its rate, each at its planned time; waits for their answers. */
    private void drive(Phase phase, List<UUID> executions, int steps, Semaphore slots) throws Exception {
        long period = TimeUnit.SECONDS.toNanos(1) / phase.rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < phase.events; i++) {
            long planned = start + i * period;
            long wait;
            while ((wait = planned - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquire();
            int seq = i;
            UUID execution = executions.get(i % executions.size());
            int step = (i / executions.size()) % steps + 1;
            String body = object().put("status", seq % 10 == 9 ? "FAIL" : "PASS").put("comment", phase.tag + seq).toString();
            phase.planned[seq] = planned;
            phase.sent[seq] = System.nanoTime();
            request(HttpMethod.PUT, "/api/executions/" + execution + "/steps/" + step, body).onComplete(result -> {
                phase.answered[seq] = System.nanoTime();
                slots.release();
                if (result.failed() || result.result().status >= 300) {
                    phase.failed.incrementAndGet();
                    if (phase.failed.get() <= 5) {
                        System.err.println("record failed: " + (result.failed() ? result.cause() : result.result().status + " " + result.result().body));
                    }
                }
                phase.done.countDown();
            });
        }
        phase.sendSeconds = (System.nanoTime() - start) / 1e9;
        if (!phase.done.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(phase.done.getCount() + " record calls unanswered after 2 minutes");
        }
        phase.answeredSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** The call, tried again while it answers 404: the service learns of a new project from an event, a moment later. */
    private JsonNode callOnceKnown(HttpMethod method, String path, ObjectNode body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                return call(method, path, body);
            } catch (NotFound e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private JsonNode call(HttpMethod method, String path, ObjectNode body) throws Exception {
        Answer answer = request(method, path, body == null ? null : body.toString()).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        if (answer.status == 404) {
            throw new NotFound(method + " " + path + " → 404 " + answer.body);
        }
        if (answer.status >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + answer.status + " " + answer.body);
        }
        return read(answer.body);
    }

    private Future<Answer> request(HttpMethod method, String path, String body) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(path).putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        return http.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b.toString())));
    }

    private static String subscribe(String channel) {
        return object().put("type", "subscribe").put("channel", channel).toString();
    }

    private static ObjectNode object() {
        return EventCodec.mapper().createObjectNode();
    }

    private static UUID uuid(JsonNode created) {
        return UUID.fromString(created.path("id").asText());
    }

    private static JsonNode read(String text) {
        try {
            return text == null || text.isEmpty() ? object() : EventCodec.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private record Answer(int status, String body) {
    }

    private static final class NotFound extends IllegalStateException {
        NotFound(String message) {
            super(message);
        }
    }

    /** One rate's calls: when each was planned, sent and answered, and when each socket got its event. */
    private static final class Phase {

        final String tag = TAG + UUID.randomUUID().toString().substring(0, 8) + "-";
        final int rate;
        final int events;
        final long[] planned;
        final long[] sent;
        final long[] answered;
        final long[][] arrivals;
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final CountDownLatch done;
        double sendSeconds;
        double answeredSeconds;

        Phase(int rate, int events, int sockets) {
            this.rate = rate;
            this.events = events;
            this.planned = new long[events];
            this.sent = new long[events];
            this.answered = new long[events];
            this.arrivals = new long[sockets][events];
            this.done = new CountDownLatch(events);
        }

        void arrived(int socket, int seq, long now) {
            if (seq >= 0 && seq < events && arrivals[socket][seq] == 0) {
                arrivals[socket][seq] = now;
                delivered.incrementAndGet();
            }
        }

        void awaitDeliveries(int seconds) throws InterruptedException {
            long expected = (long) (events - failed.get()) * arrivals.length;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (delivered.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        void report() {
            Histogram call = new Histogram(3);
            Histogram fromResponse = new Histogram(3);
            Histogram fromSend = new Histogram(3);
            Histogram fromPlan = new Histogram(3);
            int early = 0;
            int missing = 0;
            for (int i = 0; i < events; i++) {
                call.recordValue(micros(answered[i] - sent[i]));
                for (long[] socket : arrivals) {
                    if (socket[i] == 0) {
                        missing++;
                        continue;
                    }
                    if (socket[i] < answered[i]) {
                        early++;
                    }
                    fromResponse.recordValue(micros(socket[i] - answered[i]));
                    fromSend.recordValue(micros(socket[i] - sent[i]));
                    fromPlan.recordValue(micros(socket[i] - planned[i]));
                }
            }
            System.out.printf("RESULT rate=%d events=%d sent_per_s=%.0f answered_per_s=%.0f failed=%d deliveries=%d missing=%d "
                            + "before_response=%d%n", rate, events, events / sendSeconds, events / answeredSeconds, failed.get(),
                    fromSend.getTotalCount(), missing, early);
            line(rate, "record_call", call);
            line(rate, "response_to_socket", fromResponse);
            line(rate, "send_to_socket", fromSend);
            line(rate, "planned_to_socket", fromPlan);
        }

        private static void line(int rate, String what, Histogram h) {
            System.out.printf("RESULT rate=%d %s_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", rate, what, h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        }

        private static long micros(long nanos) {
            return Math.max(1, nanos / 1000);
        }
    }
}
