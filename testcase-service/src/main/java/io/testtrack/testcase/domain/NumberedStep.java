package io.testtrack.testcase.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A step as clients send and read it: its place in the list (counting from 1) and either its own
 * text or the id of a shared group it includes.
 */
public record NumberedStep(
        @NotNull Integer index,
        @Size(max = Steps.MAX_TEXT) String action,
        @Size(max = Steps.MAX_TEXT) String expectedResult,
        @Size(max = Steps.MAX_TEXT) String testData,
        UUID sharedStepsId) {

    public StepItem item() {
        return sharedStepsId != null ? StepItem.shared(sharedStepsId) : StepItem.own(action, expectedResult, testData);
    }
}
