package io.testtrack.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.ServiceBootContract;
import java.util.List;

@QuarkusTest
class AuthServiceBootTest extends ServiceBootContract {

    @Override
    protected String expectedSchema() {
        return "auth";
    }

    @Override
    protected List<String> expectedReadinessChecks() {
        return List.of("Reactive PostgreSQL", "Kafka", "Redis");
    }
}
