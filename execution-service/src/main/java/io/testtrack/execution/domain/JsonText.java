package io.testtrack.execution.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.testtrack.events.EventCodec;
import io.testtrack.events.testcase.TestCaseSnapshot;
import jakarta.persistence.AttributeConverter;
import java.util.List;

/**
 * jsonb columns as typed attributes: the entity casts the column to and from text
 * ({@code @ColumnTransformer}; text first, or the reactive driver stores a JSON string) and these
 * converters do the JSON.
 */
public final class JsonText {

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a jsonb column", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a jsonb column does not hold what the entity expects", e);
        }
    }

    public static final class Strings implements AttributeConverter<List<String>, String> {
        private static final TypeReference<List<String>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<String> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return json == null ? List.of() : read(json, TYPE);
        }
    }

    public static final class Steps implements AttributeConverter<List<TestCaseSnapshot.Step>, String> {
        private static final TypeReference<List<TestCaseSnapshot.Step>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<TestCaseSnapshot.Step> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<TestCaseSnapshot.Step> convertToEntityAttribute(String json) {
            return json == null ? List.of() : read(json, TYPE);
        }
    }
}
