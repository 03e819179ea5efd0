package io.testtrack.testcase;

import io.testtrack.platform.testing.LayeringContract;

class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "io.testtrack.testcase";
    }
}
