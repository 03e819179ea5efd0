package io.testtrack.notification.service;

import io.quarkus.websockets.next.WebSocketConnection;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.domain.MessageBudget;
import io.testtrack.platform.security.Principal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One socket on this instance: who it speaks for once authenticated, and what it listens to. */
public final class LiveSession {

    final WebSocketConnection connection;
    final MessageBudget budget;
    /** Channel → the project it belongs to, so that a member removed from a project loses its runs too. */
    final Map<Channel, UUID> subscriptions = new ConcurrentHashMap<>();
    volatile Principal.User user;
    /** The Vert.x timer that closes the socket when the token expires (or when no token came in time). */
    volatile long timer = -1;
    /** The session generation its token was issued in (SessionRecheck). */
    volatile long generation;
    /** The run this socket announced presence in, if any. */
    volatile UUID presenceRun;

    LiveSession(WebSocketConnection connection, int messagesPerSecond) {
        this.connection = connection;
        this.budget = new MessageBudget(messagesPerSecond);
    }

    public String id() {
        return connection.id();
    }

    public boolean authenticated() {
        return user != null;
    }

    public Principal.User user() {
        return user;
    }
}
