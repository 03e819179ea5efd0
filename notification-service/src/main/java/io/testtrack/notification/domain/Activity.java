package io.testtrack.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.testtrack.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What another service's event becomes on the sockets: the channels it concerns (its project,
 * and its run when it has one) and a small summary of its data. The event is read by its type
 * name and JSON fields, not its Java record, so an event family added later (or a field added to
 * one) needs no change here.
 */
public final class Activity {

    /** Longest text kept of any field; longer ones are cut (descriptions, comments). */
    static final int MAX_TEXT = 280;

    private Activity() {
    }

    /** {@code testtrack.execution.StepResultRecorded} → {@code StepResultRecorded}. */
    public static String shortType(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    public static Optional<UUID> projectId(JsonNode data) {
        Optional<UUID> direct = uuid(data, "projectId");
        if (direct.isPresent()) {
            return direct;
        }
        // a test case event carries its snapshot whole
        return uuid(data.path("testCase"), "projectId");
    }

    public static Optional<UUID> runId(JsonNode data) {
        return uuid(data, "runId");
    }

    /** The project channel, then the run channel when the event belongs to a run. */
    public static List<Channel> channels(JsonNode data) {
        List<Channel> channels = new ArrayList<>(2);
        projectId(data).ifPresent(id -> channels.add(Channel.project(id)));
        if (!channels.isEmpty()) {
            runId(data).ifPresent(id -> channels.add(Channel.run(id)));
        }
        return channels;
    }

    /**
     * The event as sockets see it: {@code {"type", "id", "time", "version", "data"}} where data
     * keeps the scalar fields (texts cut at {@value #MAX_TEXT} characters) and, one level down,
     * the scalar fields of nested objects (a test case's key, title and version; a run's counts).
     * Lists (steps, tags) are left out: a screen that needs them asks the owning service.
     */
    public static ObjectNode summary(EventEnvelope envelope) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", shortType(envelope.type()));
        event.put("id", envelope.id());
        event.put("time", envelope.time() == null ? null : envelope.time().toString());
        event.put("version", envelope.dataversion());
        event.set("data", scalars(envelope.data(), true));
        return event;
    }

    /** {@code {"type":"event","v":1,"channel":…,"event":summary}}: what a channel's subscribers receive. */
    public static ObjectNode eventMessage(Channel channel, ObjectNode summary) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("type", "event").put("v", 1).put("channel", channel.toString());
        message.set("event", summary);
        return message;
    }

    private static ObjectNode scalars(JsonNode node, boolean descend) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        if (node == null || !node.isObject()) {
            return kept;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().length() > MAX_TEXT) {
                kept.put(field.getKey(), value.asText().substring(0, MAX_TEXT - 1) + "…");
            } else if (value.isValueNode()) {
                kept.set(field.getKey(), value);
            } else if (value.isObject() && descend) {
                kept.set(field.getKey(), scalars(value, false));
            }
        }
        return kept;
    }

    private static Optional<UUID> uuid(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
