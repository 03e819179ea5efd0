package io.testtrack.defect;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.platform.testing.ServiceBootContract;

@QuarkusTest
class DefectServiceBootTest extends ServiceBootContract {

    @Override
    protected String expectedSchema() {
        return "defect";
    }
}
