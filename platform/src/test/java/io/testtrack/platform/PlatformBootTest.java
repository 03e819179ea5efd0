package io.testtrack.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.ServiceBootContract;

/** The platform's own test application keeps the contract every service is held to. */
@QuarkusTest
class PlatformBootTest extends ServiceBootContract {

    @Override
    protected String expectedSchema() {
        return "platform";
    }
}
