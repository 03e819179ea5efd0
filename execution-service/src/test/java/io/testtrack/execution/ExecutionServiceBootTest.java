package io.testtrack.execution;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.ServiceBootContract;

@QuarkusTest
class ExecutionServiceBootTest extends ServiceBootContract {

    @Override
    protected String expectedSchema() {
        return "execution";
    }
}
