package io.testtrack.testcase.domain;

import io.testtrack.events.testcase.TestCaseSnapshot;
import java.util.List;

/** A case as written, with its steps expanded; {@code changed} is false when the content was already so. */
public record WrittenCase(TestCase testCase, List<TestCaseSnapshot.Step> steps, boolean changed) {
}
