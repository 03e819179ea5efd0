package io.testtrack.testcase;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.ServiceBootContract;

@QuarkusTest
class TestcaseServiceBootTest extends ServiceBootContract {

    @Override
    protected String expectedSchema() {
        return "testcase";
    }
}
