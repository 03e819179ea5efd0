package io.testtrack.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.ServiceBootContract;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
class AuthServiceBootTest extends ServiceBootContract {

    /** Readiness includes the first-admin check, which settles just after start-up. */
    @BeforeEach
    void firstAdminSettled() {
        Fixtures.awaitFirstAdmin();
    }

    @Override
    protected String expectedSchema() {
        return "auth";
    }

    @Override
    protected List<String> expectedReadinessChecks() {
        return List.of("Reactive PostgreSQL", "Kafka", "Redis", "First admin");
    }
}
