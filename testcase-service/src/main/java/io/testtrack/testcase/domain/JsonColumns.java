package io.testtrack.testcase.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import io.testtrack.events.EventCodec;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.platform.persistence.JsonColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The jsonb columns of this service's entities (see {@link JsonColumn}), and JSON for its cursors and CSV cells. */
public final class JsonColumns {

    private JsonColumns() {
    }

    public static String write(Object value) {
        return JsonColumn.write(value);
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON expected", e);
        }
    }

    /** A reader of one type, for a hot path: the type is resolved once, not on every read. */
    public static ObjectReader reader(TypeReference<?> type) {
        return EventCodec.mapper().readerFor(type);
    }

    /** Reads with a reader from {@link #reader}; the caller knows the type it made it for. */
    public static <T> T read(String json, ObjectReader reader) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON expected", e);
        }
    }

    public static final class Steps extends JsonColumn<List<StepItem>> {
        public Steps() {
            super(new TypeReference<>() {
            }, List::of);
        }
    }

    public static final class Values extends JsonColumn<Map<String, Object>> {
        public Values() {
            super(new TypeReference<>() {
            }, LinkedHashMap::new);
        }
    }

    public static final class Content extends JsonColumn<CaseContent> {
        public Content() {
            super(new TypeReference<>() {
            }, () -> null);
        }
    }

    public static final class FlatSteps extends JsonColumn<List<TestCaseSnapshot.Step>> {
        public FlatSteps() {
            super(new TypeReference<>() {
            }, List::of);
        }
    }
}
