package io.testtrack.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.ServiceBootContract;

@QuarkusTest
class NotificationServiceBootTest extends ServiceBootContract {

    @Override
    protected String expectedSchema() {
        return "notification";
    }
}
