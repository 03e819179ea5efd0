package io.testtrack.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.domain.ClientMessage.PresenceState;
import io.testtrack.notification.service.LiveBus.SubscriptionsRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;

/**
 * Who is in which run, across instances: one Redis hash per run (socket id → where its user is),
 * announced on the run's channel at every change. A run's hash expires an hour after its last
 * change, so the entries of an instance that died do not stay for ever.
 */
@ApplicationScoped
public class Presence {

    private static final Duration KEEP = Duration.ofHours(1);

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final LiveBus bus;
    private final LiveConfig config;
    private final ObjectMapper mapper;

    public Presence(ReactiveRedisDataSource redis, LiveBus bus, LiveConfig config, ObjectMapper mapper) {
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.keys = redis.key(String.class);
        this.bus = bus;
        this.config = config;
        this.mapper = mapper;
    }

    /** Records where the socket's user is in the run (or that they left) and tells the run's channel. */
    public Uni<Void> set(LiveSession session, UUID runId, UUID executionId, PresenceState state) {
        ObjectNode entry = entry(session, executionId, state);
        String key = config.presencePrefix() + runId;
        Uni<Void> stored = state == PresenceState.LEFT
                ? hashes.hdel(key, session.id()).replaceWithVoid()
                : hashes.hset(key, session.id(), entry.toString()).chain(() -> keys.expire(key, KEEP)).replaceWithVoid();
        session.presenceRun = state == PresenceState.LEFT ? null : runId;
        ObjectNode message = mapper.createObjectNode().put("type", "presence").put("v", 1).put("channel", Channel.run(runId).toString());
        message.setAll(entry);
        return stored.chain(() -> bus.deliver(Channel.run(runId), message));
    }

    /** The socket's presence, if any, ends (it closed, or stopped following the run). */
    public Uni<Void> leave(LiveSession session) {
        UUID runId = session.presenceRun;
        return runId == null ? Uni.createFrom().voidItem() : set(session, runId, null, PresenceState.LEFT);
    }

    /**
     * A member removed from a project is no longer in its runs: the presence of each socket that
     * lost its run's channel ends, and the run's other followers are told they are gone.
     */
    void revoked(@Observes SubscriptionsRevoked revoked) {
        for (LiveSession session : revoked.sessions()) {
            UUID runId = session.presenceRun;
            if (runId != null && !session.subscriptions.containsKey(Channel.run(runId))) {
                leave(session).subscribe().with(ignored -> { },
                        failure -> Log.warnf("presence of socket %s in run %s not cleared: %s", session.id(), runId, failure.toString()));
            }
        }
    }

    /** Everyone present in the run now: {@code {"type":"presence-list","channel":…,"present":[…]}}. */
    public Uni<ObjectNode> list(UUID runId) {
        return hashes.hgetall(config.presencePrefix() + runId).map(entries -> {
            ObjectNode message = mapper.createObjectNode().put("type", "presence-list").put("v", 1)
                    .put("channel", Channel.run(runId).toString());
            ArrayNode present = message.putArray("present");
            for (String value : entries.values()) {
                try {
                    present.add(mapper.readTree(value));
                } catch (JsonProcessingException e) {
                    // an entry this version cannot read is left out
                }
            }
            return message;
        });
    }

    private ObjectNode entry(LiveSession session, UUID executionId, PresenceState state) {
        ObjectNode entry = mapper.createObjectNode().put("userId", session.user().userId().toString())
                .put("session", session.id()).put("state", state.name());
        entry.put("executionId", executionId == null ? null : executionId.toString());
        return entry;
    }
}
