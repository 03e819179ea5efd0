package io.testtrack.notification.api;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.service.LiveProtocol;

/**
 * {@code /ws}: one socket per browser tab, authenticated by its first message, never by a token in
 * the URL. The protocol is {@link LiveProtocol}'s, documented in docs/websocket.md.
 */
@WebSocket(path = "/ws")
public class LiveSocket {

    private final LiveProtocol protocol;

    public LiveSocket(LiveProtocol protocol) {
        this.protocol = protocol;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        protocol.opened(connection);
        return Uni.createFrom().voidItem();
    }

    @OnTextMessage
    public Uni<Void> message(String text, WebSocketConnection connection) {
        return protocol.received(connection, text);
    }

    /** Vert.x refuses a message over the server's limit (64 KiB) unread; the client learns why. */
    @OnError
    public Uni<Void> failed(IllegalStateException error, WebSocketConnection connection) {
        boolean tooBig = error.getMessage() != null && error.getMessage().contains("max message size");
        return connection.close(tooBig ? new CloseReason(1009, "message-too-big") : CloseReason.INTERNAL_SERVER_ERROR);
    }

    @OnClose
    public Uni<Void> close(WebSocketConnection connection) {
        return protocol.closed(connection);
    }
}
