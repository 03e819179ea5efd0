package io.testtrack.analytics;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.ServiceBootContract;

@QuarkusTest
class AnalyticsServiceBootTest extends ServiceBootContract {

    @Override
    protected String expectedSchema() {
        return "analytics";
    }
}
