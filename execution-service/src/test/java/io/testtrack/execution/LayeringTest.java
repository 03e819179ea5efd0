package io.testtrack.execution;

import io.testtrack.platform.testing.LayeringContract;

class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "io.testtrack.execution";
    }
}
