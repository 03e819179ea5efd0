package io.testtrack.execution.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.platform.persistence.JsonColumn;
import java.util.List;

/** The jsonb columns of this service's entities (see {@link JsonColumn}). */
public final class JsonText {

    private JsonText() {
    }

    public static final class Steps extends JsonColumn<List<TestCaseSnapshot.Step>> {
        public Steps() {
            super(new TypeReference<>() {
            }, List::of);
        }
    }
}
