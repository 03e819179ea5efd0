package io.testtrack.testcase.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.testtrack.events.testcase.TestCaseSnapshot;
import jakarta.persistence.AttributeConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jsonb columns as typed entity attributes. The entity declares the column with
 * {@code @ColumnTransformer(read = "cast(col as text)", write = "cast(cast(? as text) as jsonb)")}, so the reactive driver moves
 * plain text and these converters do the JSON. (The inner cast matters: bound straight to a jsonb
 * parameter, the driver would store the text as one JSON string.)
 */
public final class JsonColumns {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a jsonb column", e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a jsonb column does not hold what the entity expects", e);
        }
    }

    public static final class Steps implements AttributeConverter<List<StepItem>, String> {
        private static final TypeReference<List<StepItem>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<StepItem> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<StepItem> convertToEntityAttribute(String json) {
            return json == null ? List.of() : read(json, TYPE);
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

    public static final class Values implements AttributeConverter<Map<String, Object>, String> {
        private static final TypeReference<LinkedHashMap<String, Object>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(Map<String, Object> value) {
            return write(value == null ? Map.of() : value);
        }

        @Override
        public Map<String, Object> convertToEntityAttribute(String json) {
            return json == null ? new LinkedHashMap<>() : read(json, TYPE);
        }
    }

    public static final class Content implements AttributeConverter<CaseContent, String> {
        private static final TypeReference<CaseContent> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(CaseContent value) {
            return write(value);
        }

        @Override
        public CaseContent convertToEntityAttribute(String json) {
            return json == null ? null : read(json, TYPE);
        }
    }

    public static final class FlatSteps implements AttributeConverter<List<TestCaseSnapshot.Step>, String> {
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
