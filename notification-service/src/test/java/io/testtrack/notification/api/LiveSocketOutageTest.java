package io.testtrack.notification.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.testtrack.notification.Live;
import io.testtrack.notification.SocketClient;
import io.testtrack.platform.testing.TestTokens;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A valid token whose check cannot be made (Redis, where ended sessions are kept, does not
 * answer: nothing listens on its port) closes the socket at once with "try again later", not
 * after the auth timeout as if the client had sent nothing.
 */
@QuarkusTest
@TestProfile(LiveSocketOutageTest.RedisDown.class)
class LiveSocketOutageTest {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1", "notification.live.auth-timeout", "PT30S");
        }
    }

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void anAuthThatCannotBeCheckedClosesTheSocketWithTryAgainLater() {
        String token = TestTokens.valid(UUID.randomUUID(), "outage@example.test", "TESTER");
        try (SocketClient socket = SocketClient.connect(Live.ws(http))) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            socket.assertClosedWith(1013, "auth-unavailable");
        }
    }
}
