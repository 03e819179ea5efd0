package io.testtrack.platform.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.testtrack.events.EventCodec;
import jakarta.persistence.AttributeConverter;
import java.util.List;
import java.util.function.Supplier;

/**
 * A jsonb column as a typed entity attribute. The entity declares the column with
 * {@code @ColumnTransformer(read = "cast(col as text)", write = "cast(cast(? as text) as jsonb)")},
 * so the reactive driver moves plain text and a subclass of this converter does the JSON. (The
 * inner cast matters: bound straight to a jsonb parameter, the driver would store the text as
 * one JSON string.)
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private final TypeReference<T> type;
    private final Supplier<T> empty;

    /** {@code empty} stands in for a null attribute or column. */
    protected JsonColumn(TypeReference<T> type, Supplier<T> empty) {
        this.type = type;
        this.empty = empty;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        return write(value == null ? empty.get() : value);
    }

    @Override
    public T convertToEntityAttribute(String json) {
        if (json == null) {
            return empty.get();
        }
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a jsonb column does not hold what the entity expects", e);
        }
    }

    public static String write(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a jsonb column", e);
        }
    }

    /** A jsonb array of strings; an absent one reads as empty. */
    public static final class Strings extends JsonColumn<List<String>> {
        public Strings() {
            super(new TypeReference<>() {
            }, List::of);
        }
    }
}
