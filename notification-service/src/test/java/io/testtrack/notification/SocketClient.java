package io.testtrack.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client as a browser tab would be: what it received, and how it was closed. */
public final class SocketClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final WebSocket socket;

    private SocketClient(URI uri) {
        StringBuilder partial = new StringBuilder();
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                received.add(MAPPER.readTree(partial.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closeReason.complete(reason);
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closeReason.complete(error.toString());
                        closed.complete(-1);
                    }
                }).join();
    }

    public static SocketClient connect(URI uri) {
        return new SocketClient(uri);
    }

    /** Connected and authenticated: the {@code ready} answer has come. */
    public static SocketClient ready(URI uri, String token) {
        SocketClient client = new SocketClient(uri);
        client.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        JsonNode ready = client.next("ready");
        assertNotNull(ready.get("userId"));
        return client;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void subscribe(String channel) {
        send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
    }

    /** The next message of this type (others before it are dropped), waiting up to 10 s. */
    public JsonNode next(String type) {
        return next(m -> type.equals(m.path("type").asText()), "a " + type + " message");
    }

    public JsonNode next(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && wanted.test(message)) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + what + " within 10 s");
    }

    /** Everything received within {@code wait}. */
    public List<JsonNode> drain(Duration wait) {
        List<JsonNode> all = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode message = received.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    all.add(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return all;
    }

    /** Waits for the server to close the socket; answers the close code. */
    public int closeCode(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed within " + within, e);
        }
    }

    public String closeReason() {
        return closeReason.getNow(null);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public void assertClosedWith(int code, String reason) {
        assertEquals(code, closeCode(Duration.ofSeconds(10)));
        assertEquals(reason, closeReason());
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
