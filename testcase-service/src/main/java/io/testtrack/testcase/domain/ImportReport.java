package io.testtrack.testcase.domain;

import io.testtrack.common.Problem;
import java.util.List;

/** What a CSV import did, or would do on a dry run, and every row's errors. */
public record ImportReport(boolean dryRun, int rows, int created, int updated, int unchanged, List<Problem.FieldError> errors) {
}
