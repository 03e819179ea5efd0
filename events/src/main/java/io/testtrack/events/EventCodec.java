package io.testtrack.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns event records into CloudEvents JSON and back. Readers ignore fields they do not know, so
 * producers may add fields (changes are additive only) without breaking older consumers.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Wraps an event in a new envelope with a fresh id. */
    public static EventEnvelope envelope(DomainEvent event, String source, Instant time, String correlationId) {
        EventType type = EventCatalog.describe(event.getClass());
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source, type.value(),
                time, event.aggregateId(), EventEnvelope.CONTENT_TYPE, type.version(), correlationId,
                MAPPER.valueToTree(event));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON: " + envelope.type(), e);
        }
    }

    /** Reads an envelope; throws {@link MalformedEventException} for anything that is not one. */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope.id() == null || envelope.type() == null || envelope.data() == null) {
                throw new MalformedEventException("envelope lacks id, type or data");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getOriginalMessage());
        }
    }

    /** The event record inside an envelope, or empty when this version does not know its type. */
    public static Optional<DomainEvent> payload(EventEnvelope envelope) {
        return EventCatalog.byType(envelope.type()).map(type -> payload(envelope, type));
    }

    public static <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data of " + envelope.type() + " does not read: " + e.getOriginalMessage());
        }
    }

    /** A record on the wire that cannot be read as an event. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
