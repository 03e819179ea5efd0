package io.testtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A structured-mode CloudEvent (spec 1.0) as it travels on Kafka: the CloudEvents attributes,
 * the schema version of {@code data}, and the event record as JSON.
 *
 * @param id            unique per event; consumers deduplicate on it
 * @param source        the producing service, for example {@code /testtrack/auth-service}
 * @param type          the event record's {@link EventType#value()}
 * @param time          when the change was committed
 * @param subject       the aggregate id
 * @param dataversion   the record's {@link EventType#version()}
 * @param correlationid the request id that caused the event, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        int dataversion,
        String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
}
