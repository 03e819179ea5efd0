package io.testtrack.notification.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.testtrack.notification.domain.Channel;
import io.testtrack.platform.security.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets this instance holds, indexed by channel. Messages from the bus reach each socket
 * subscribed to their channel once; nothing here talks to Redis or the database.
 */
@ApplicationScoped
public class LiveSessions {

    /** Close codes of the protocol (docs/websocket.md). */
    public static final int UNAUTHORIZED = 4401;
    /** The standard "try again later": what an auth needs to be checked (the database, Redis) did not answer. */
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int FORBIDDEN = 4403;
    public static final int TOO_MANY_MESSAGES = 4429;

    private final Map<String, LiveSession> byId = new ConcurrentHashMap<>();
    private final Map<Channel, Set<LiveSession>> byChannel = new ConcurrentHashMap<>();
    private final LiveConfig config;

    public LiveSessions(LiveConfig config) {
        this.config = config;
    }

    LiveSession open(WebSocketConnection connection) {
        LiveSession session = new LiveSession(connection, config.messagesPerSecond());
        byId.put(connection.id(), session);
        return session;
    }

    LiveSession get(WebSocketConnection connection) {
        return byId.get(connection.id());
    }

    /** Forgets the socket; answers it (for presence to be cleared), or null when unknown. */
    LiveSession closed(WebSocketConnection connection) {
        LiveSession session = byId.remove(connection.id());
        if (session != null) {
            session.subscriptions.keySet().forEach(channel -> leave(session, channel));
            if (session.user != null) {
                leave(session, Channel.user(session.user.userId()));
            }
        }
        return session;
    }

    void authenticated(LiveSession session, Principal.User user) {
        session.user = user;
        join(session, Channel.user(user.userId()));
    }

    void subscribe(LiveSession session, Channel channel, UUID projectId) {
        session.subscriptions.put(channel, projectId);
        join(session, channel);
    }

    boolean unsubscribe(LiveSession session, Channel channel) {
        boolean was = session.subscriptions.remove(channel) != null;
        leave(session, channel);
        return was;
    }

    /** Sends the same text to every local socket on the channel. */
    public void deliver(Channel channel, String text) {
        Set<LiveSession> sessions = byChannel.get(channel);
        if (sessions == null) {
            return;
        }
        for (LiveSession session : sessions) {
            send(session, text);
        }
    }

    /**
     * A member removed from a project: their sockets stop hearing of it, runs included, at once.
     * Answers the sockets that lost a subscription (each once), for their presence to be cleared.
     */
    public Set<LiveSession> revoke(UUID projectId, UUID userId) {
        Set<LiveSession> touched = new LinkedHashSet<>();
        for (LiveSession session : byId.values()) {
            if (session.user == null || !session.user.userId().equals(userId) || session.user.isAdmin()) {
                continue;
            }
            for (Map.Entry<Channel, UUID> sub : List.copyOf(session.subscriptions.entrySet())) {
                if (sub.getValue().equals(projectId)) {
                    unsubscribe(session, sub.getKey());
                    ObjectNode message = JsonNodeFactory.instance.objectNode().put("type", "unsubscribed")
                            .put("channel", sub.getKey().toString()).put("reason", "access-revoked");
                    send(session, message.toString());
                    touched.add(session);
                }
            }
        }
        return touched;
    }

    /** A deactivated user: every socket of theirs closes. */
    public void closeAllOf(UUID userId, int code, String reason) {
        for (LiveSession session : byId.values()) {
            if (session.user != null && session.user.userId().equals(userId)) {
                close(session, code, reason);
            }
        }
    }

    List<LiveSession> authenticatedSessions() {
        return byId.values().stream().filter(LiveSession::authenticated).toList();
    }

    public int count() {
        return byId.size();
    }

    void send(LiveSession session, String text) {
        if (session.connection.isOpen()) {
            session.connection.sendText(text).subscribe().with(ignored -> { },
                    failure -> Log.debugf("socket %s: a message was not sent: %s", session.id(), failure.toString()));
        }
    }

    void close(LiveSession session, int code, String reason) {
        if (session.connection.isOpen()) {
            session.connection.close(new CloseReason(code, reason)).subscribe().with(ignored -> { },
                    failure -> Log.debugf("socket %s did not close cleanly: %s", session.id(), failure.toString()));
        }
    }

    private void join(LiveSession session, Channel channel) {
        byChannel.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(session);
    }

    private void leave(LiveSession session, Channel channel) {
        byChannel.computeIfPresent(channel, (c, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
