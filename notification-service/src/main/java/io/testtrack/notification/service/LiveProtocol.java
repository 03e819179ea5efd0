package io.testtrack.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.domain.ClientMessage;
import io.testtrack.notification.domain.ClientMessage.BadMessage;
import io.testtrack.notification.domain.MessageBudget;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.AuthenticationRequiredException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.MembershipLookup;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The socket protocol (docs/websocket.md): the first message authenticates, later ones follow
 * and leave channels and announce presence. Each socket's messages are handled one after the
 * other (websockets-next's serial mode), so a session's state needs no locking of its own.
 */
@ApplicationScoped
public class LiveProtocol {

    /** The protocol's version, sent in {@code ready}; additive changes keep it. */
    public static final int VERSION = 1;

    private final LiveSessions sessions;
    private final ChannelAccess channels;
    private final Presence presence;
    private final JWTParser parser;
    private final MembershipLookup memberships;
    private final SessionRecheck sessionsEnded;
    private final LiveConfig config;
    private final Vertx vertx;
    private final ObjectMapper mapper;

    public LiveProtocol(LiveSessions sessions, ChannelAccess channels, Presence presence, JWTParser parser,
            MembershipLookup memberships, SessionRecheck sessionsEnded, LiveConfig config, Vertx vertx, ObjectMapper mapper) {
        this.sessions = sessions;
        this.channels = channels;
        this.presence = presence;
        this.parser = parser;
        this.memberships = memberships;
        this.sessionsEnded = sessionsEnded;
        this.config = config;
        this.vertx = vertx;
        this.mapper = mapper;
    }

    /** A new socket has {@code authTimeout} to authenticate. */
    public void opened(WebSocketConnection connection) {
        LiveSession session = sessions.open(connection);
        session.timer = vertx.setTimer(config.authTimeout().toMillis(), id -> {
            if (!session.authenticated()) {
                sessions.close(session, LiveSessions.UNAUTHORIZED, "auth-timeout");
            }
        });
    }

    public Uni<Void> closed(WebSocketConnection connection) {
        LiveSession session = sessions.closed(connection);
        if (session == null) {
            return Uni.createFrom().voidItem();
        }
        vertx.cancelTimer(session.timer);
        return session.authenticated() ? presence.leave(session) : Uni.createFrom().voidItem();
    }

    public Uni<Void> received(WebSocketConnection connection, String text) {
        LiveSession session = sessions.get(connection);
        if (session == null) {
            return Uni.createFrom().voidItem();
        }
        MessageBudget.Verdict verdict = session.budget.spend(System.currentTimeMillis());
        if (verdict == MessageBudget.Verdict.CLOSE) {
            sessions.close(session, LiveSessions.TOO_MANY_MESSAGES, "too-many-messages");
            return Uni.createFrom().voidItem();
        }
        if (verdict == MessageBudget.Verdict.OVER) {
            return error(session, "rate-limited", "Over " + config.messagesPerSecond()
                    + " messages a second; this one was dropped, and twice as many close the socket.", null);
        }
        ClientMessage message;
        try {
            message = ClientMessage.parse(text, mapper);
        } catch (BadMessage e) {
            if (!session.authenticated()) {
                sessions.close(session, LiveSessions.UNAUTHORIZED, "auth-required");
                return Uni.createFrom().voidItem();
            }
            return error(session, e.code(), e.getMessage(), null);
        }
        if (message instanceof ClientMessage.Auth auth) {
            return authenticate(session, auth.token());
        }
        if (!session.authenticated()) {
            sessions.close(session, LiveSessions.UNAUTHORIZED, "auth-required");
            return Uni.createFrom().voidItem();
        }
        if (message instanceof ClientMessage.Subscribe subscribe) {
            return subscribe(session, subscribe.channel());
        }
        if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
            return unsubscribe(session, unsubscribe.channel());
        }
        return announce(session, (ClientMessage.Presence) message);
    }

    /**
     * A first auth makes the socket the user's; a later one (before the token expires) extends it.
     * A token that does not verify, another user's, an API token, a deactivated account or a token
     * of an ended session (SessionRecheck) close the socket with 4401; the token's expiry does too,
     * unless a new auth came first.
     */
    private Uni<Void> authenticate(LiveSession session, String token) {
        JsonWebToken jwt;
        Principal principal;
        try {
            jwt = parser.parse(token);
            principal = Principal.of(jwt);
        } catch (ParseException | AuthenticationRequiredException e) {
            sessions.close(session, LiveSessions.UNAUTHORIZED, "invalid-token");
            return Uni.createFrom().voidItem();
        }
        if (!(principal instanceof Principal.User user)
                || (session.authenticated() && !session.user().userId().equals(user.userId()))) {
            sessions.close(session, LiveSessions.UNAUTHORIZED, "invalid-token");
            return Uni.createFrom().voidItem();
        }
        long generation = SessionRecheck.issuedIn(jwt);
        Uni<Standing> checked = memberships.userActive(user.userId())
                .chain(active -> sessionsEnded.ended(user.userId(), generation).map(ended -> new Standing(active, ended)));
        return checked.onFailure().recoverWithItem(failure -> {
            // not the client's fault: said so at once, rather than left to end as an auth timeout
            Log.warnf("a socket's auth could not be checked: %s", failure.toString());
            return null;
        }).chain(standing -> {
            if (standing == null) {
                sessions.close(session, LiveSessions.TRY_AGAIN_LATER, "auth-unavailable");
                return Uni.createFrom().voidItem();
            }
            if (!standing.active()) {
                sessions.close(session, LiveSessions.UNAUTHORIZED, "account-deactivated");
                return Uni.createFrom().voidItem();
            }
            if (standing.ended()) {
                sessions.close(session, LiveSessions.UNAUTHORIZED, "session-ended");
                return Uni.createFrom().voidItem();
            }
            session.generation = generation;
            vertx.cancelTimer(session.timer);
            long expiresInMillis = Math.max(1, jwt.getExpirationTime() * 1000 - System.currentTimeMillis());
            session.timer = vertx.setTimer(expiresInMillis, id -> sessions.close(session, LiveSessions.UNAUTHORIZED, "token-expired"));
            if (!session.authenticated()) {
                sessions.authenticated(session, user);
            } else {
                session.user = user;
            }
            ObjectNode ready = mapper.createObjectNode().put("type", "ready").put("v", VERSION)
                    .put("userId", user.userId().toString()).put("expiresAt", jwt.getExpirationTime());
            return send(session, ready);
        });
    }

    /** What an auth checks beyond the token: the account is active, the token's sessions not ended. */
    private record Standing(boolean active, boolean ended) {
    }

    private Uni<Void> subscribe(LiveSession session, Channel channel) {
        if (session.subscriptions.containsKey(channel)) {
            return send(session, subscribed(channel));
        }
        return channels.require(session.user(), channel, Permission.READ)
                .chain(projectId -> {
                    sessions.subscribe(session, channel, projectId);
                    Uni<Void> answered = send(session, subscribed(channel));
                    return channel.kind() == Channel.Kind.RUN
                            ? answered.chain(() -> presence.list(channel.id())).chain(list -> send(session, list))
                            : answered;
                })
                .onFailure(f -> f instanceof ResourceNotFoundException || f instanceof AccessDeniedException)
                .recoverWithUni(f -> error(session, "not-found", "No such channel, or not one of your projects.", channel))
                .onFailure(AuthenticationRequiredException.class)
                .recoverWithUni(f -> {
                    sessions.close(session, LiveSessions.UNAUTHORIZED, "account-deactivated");
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> unsubscribe(LiveSession session, Channel channel) {
        sessions.unsubscribe(session, channel);
        Uni<Void> left = channel.kind() == Channel.Kind.RUN && channel.id().equals(session.presenceRun)
                ? presence.leave(session) : Uni.createFrom().voidItem();
        return left.chain(() -> send(session, mapper.createObjectNode().put("type", "unsubscribed")
                .put("channel", channel.toString()).put("reason", "requested")));
    }

    private Uni<Void> announce(LiveSession session, ClientMessage.Presence message) {
        Channel run = Channel.run(message.runId());
        if (!session.subscriptions.containsKey(run)) {
            return error(session, "not-subscribed", "Subscribe to the run's channel before announcing presence in it.", run);
        }
        Uni<Void> leftOther = session.presenceRun != null && !session.presenceRun.equals(message.runId())
                ? presence.leave(session) : Uni.createFrom().voidItem();
        return leftOther.chain(() -> presence.set(session, message.runId(), message.executionId(), message.state()));
    }

    private ObjectNode subscribed(Channel channel) {
        return mapper.createObjectNode().put("type", "subscribed").put("channel", channel.toString());
    }

    private Uni<Void> error(LiveSession session, String code, String detail, Channel channel) {
        ObjectNode error = mapper.createObjectNode().put("type", "error").put("code", code).put("detail", detail);
        if (channel != null) {
            error.put("channel", channel.toString());
        }
        return send(session, error);
    }

    private Uni<Void> send(LiveSession session, ObjectNode message) {
        if (!session.connection.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return session.connection.sendText(message.toString())
                .onFailure().invoke(f -> Log.debugf("socket %s: not sent: %s", session.id(), f.toString()))
                .onFailure().recoverWithNull();
    }
}
