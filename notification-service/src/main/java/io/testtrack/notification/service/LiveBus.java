package io.testtrack.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fan-out across replicas through Redis pub/sub: whatever should reach sockets is published once
 * on one Redis channel; every instance listens on it and hands each message to its own sockets
 * ({@link LiveSessions}). A socket lives on one instance and each instance receives each
 * published message once, so each client gets each message once. Pub/sub keeps nothing: a message
 * published while an instance is not listening is lost for its sockets (stored notifications are
 * not; a client that reconnects reloads them).
 */
@ApplicationScoped
public class LiveBus {

    private final ReactivePubSubCommands<String> pubsub;
    private final LiveSessions sessions;
    private final LiveConfig config;
    private final ObjectMapper mapper;
    private final Event<SubscriptionsRevoked> revoked;
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;

    public LiveBus(ReactiveRedisDataSource redis, LiveSessions sessions, Event<SubscriptionsRevoked> revoked, LiveConfig config,
            ObjectMapper mapper) {
        this.pubsub = redis.pubsub(String.class);
        this.sessions = sessions;
        this.revoked = revoked;
        this.config = config;
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent ignored) {
        pubsub.subscribe(config.busChannel(), this::received)
                .onFailure().invoke(failure -> Log.warnf("live bus: cannot listen on Redis yet (%s); trying again", failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(s -> {
                    subscriber = s;
                    Log.infof("live bus: listening on Redis channel %s", config.busChannel());
                });
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (subscriber != null) {
            subscriber.unsubscribe().subscribe().with(x -> { }, x -> { });
        }
    }

    /** A message for every socket subscribed to {@code channel}, on every instance. */
    public Uni<Void> deliver(Channel channel, ObjectNode message) {
        ObjectNode bus = mapper.createObjectNode().put("kind", "deliver").put("channel", channel.toString());
        bus.set("message", message);
        return publish(bus);
    }

    public Uni<Void> deliverAll(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(deliveries).onItem().transformToUniAndConcatenate(d -> deliver(d.channel(), d.message()))
                .collect().last().replaceWithVoid();
    }

    /** Ends the user's subscriptions to the project (and its runs) on every instance. */
    public Uni<Void> revoke(UUID projectId, UUID userId) {
        return publish(mapper.createObjectNode().put("kind", "revoke").put("projectId", projectId.toString())
                .put("userId", userId.toString()));
    }

    /** Closes every socket of the user, on every instance. */
    public Uni<Void> deactivate(UUID userId) {
        return publish(mapper.createObjectNode().put("kind", "deactivate").put("userId", userId.toString()));
    }

    /** Live messages are best effort: a Redis failure is logged, never fails the caller's work. */
    private Uni<Void> publish(ObjectNode bus) {
        return pubsub.publish(config.busChannel(), bus.toString())
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("live bus: a message was not published (%s)", failure.toString());
                    return null;
                }).replaceWithVoid();
    }

    private void received(String text) {
        JsonNode bus;
        try {
            bus = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            Log.warnf("live bus: skipped a message that is not JSON");
            return;
        }
        try {
            switch (bus.path("kind").asText()) {
                case "deliver" -> Channel.parse(bus.path("channel").asText())
                        .ifPresent(channel -> sessions.deliver(channel, bus.get("message").toString()));
                case "revoke" -> revoked.fire(new SubscriptionsRevoked(sessions.revoke(UUID.fromString(bus.path("projectId").asText()),
                        UUID.fromString(bus.path("userId").asText()))));
                case "deactivate" -> sessions.closeAllOf(UUID.fromString(bus.path("userId").asText()), LiveSessions.UNAUTHORIZED,
                        "account-deactivated");
                default -> Log.debugf("live bus: unknown kind %s", bus.path("kind").asText());
            }
        } catch (RuntimeException e) {
            Log.warnf("live bus: skipped a message it could not apply (%s)", e.toString());
        }
    }

    /** Whether this instance hears the bus (its readiness). */
    public boolean listening() {
        return subscriber != null;
    }

    /** One message for one channel. */
    public record Delivery(Channel channel, ObjectNode message) {
    }

    /** The sockets of this instance that a member's removal from a project has just unsubscribed. */
    public record SubscriptionsRevoked(Set<LiveSession> sessions) {
    }
}
