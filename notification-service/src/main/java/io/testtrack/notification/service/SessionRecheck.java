package io.testtrack.notification.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Ended sessions end their sockets: a logout everywhere, a password reset or change raises the
 * user's session generation in Redis ({@code tt:session-generation:<userId>}, written by
 * auth-service, read by the gateway too), and a socket whose token was issued in an earlier
 * generation is closed (4401 {@code session-ended}), at its auth and within
 * {@code revocation-recheck} of the change for sockets already open.
 */
@ApplicationScoped
public class SessionRecheck {

    static final String PREFIX = "tt:session-generation:";
    /** The claim auth-service puts the session generation in. */
    static final String CLAIM = "tt_sg";
    private static final int KEYS_PER_CALL = 500;

    private final ReactiveValueCommands<String, Long> generations;
    private final LiveSessions sessions;

    public SessionRecheck(ReactiveRedisDataSource redis, LiveSessions sessions) {
        this.generations = redis.value(Long.class);
        this.sessions = sessions;
    }

    /** The generation the token was issued in (0 for a token that names none). */
    static long issuedIn(JsonWebToken jwt) {
        Object claim = jwt.getClaim(CLAIM);
        return claim instanceof JsonNumber number ? number.longValue() : claim instanceof Number number ? number.longValue() : 0;
    }

    /** Whether the user's sessions were ended after the token's generation. */
    Uni<Boolean> ended(UUID userId, long issuedIn) {
        return generations.get(PREFIX + userId).map(current -> current != null && issuedIn < current);
    }

    @Scheduled(identity = "socket-session-recheck", every = "{notification.live.revocation-recheck}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> recheck() {
        List<LiveSession> open = sessions.authenticatedSessions();
        if (open.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> keys = open.stream().map(s -> PREFIX + s.user().userId()).distinct().toList();
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += KEYS_PER_CALL) {
            slices.add(keys.subList(i, Math.min(keys.size(), i + KEYS_PER_CALL)));
        }
        return Multi.createFrom().iterable(slices)
                .onItem().transformToUniAndConcatenate(slice -> generations.mget(slice.toArray(String[]::new)))
                .collect().asList()
                .invoke(results -> {
                    Map<String, Long> current = results.stream().flatMap(m -> m.entrySet().stream())
                            .filter(e -> e.getValue() != null).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Math::max));
                    for (LiveSession session : open) {
                        Long generation = current.get(PREFIX + session.user().userId());
                        if (generation != null && session.generation < generation) {
                            sessions.close(session, LiveSessions.UNAUTHORIZED, "session-ended");
                        }
                    }
                }).replaceWithVoid();
    }
}
