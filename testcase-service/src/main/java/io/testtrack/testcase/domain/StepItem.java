package io.testtrack.testcase.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * One entry of a case's step list as stored: either a step of its own (action, expected result,
 * test data) or a reference to a group of shared steps that is expanded wherever the case is read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepItem(String action, String expectedResult, String testData, UUID sharedStepsId) {

    public static StepItem own(String action, String expectedResult, String testData) {
        return new StepItem(action, expectedResult, testData, null);
    }

    public static StepItem shared(UUID sharedStepsId) {
        return new StepItem(null, null, null, sharedStepsId);
    }

    public boolean isShared() {
        return sharedStepsId != null;
    }
}
