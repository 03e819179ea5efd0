package io.testtrack.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;

/**
 * What a client may send on the socket, read from one JSON text frame. Anything else is a
 * {@link BadMessage} with a code the client can act on.
 */
public sealed interface ClientMessage {

    /** Largest text frame read, in characters; a longer one is refused unread. */
    int MAX_LENGTH = 4096;

    record Auth(String token) implements ClientMessage {
    }

    record Subscribe(Channel channel) implements ClientMessage {
    }

    record Unsubscribe(Channel channel) implements ClientMessage {
    }

    /**
     * Where the user is in a run: {@code VIEWING} the run or one execution, {@code RECORDING} an
     * execution, or {@code LEFT}.
     */
    record Presence(UUID runId, UUID executionId, PresenceState state) implements ClientMessage {
    }

    enum PresenceState {
        VIEWING, RECORDING, LEFT
    }

    /** A message the server cannot act on; {@code code} is stable, {@code detail} for people. */
    final class BadMessage extends RuntimeException {
        private final String code;

        public BadMessage(String code, String detail) {
            super(detail);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    static ClientMessage parse(String text, ObjectMapper mapper) {
        if (text.length() > MAX_LENGTH) {
            throw new BadMessage("too-large", "A message may have at most " + MAX_LENGTH + " characters.");
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadMessage("malformed", "The message is not JSON.");
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw new BadMessage("malformed", "A message is a JSON object with a string \"type\".");
        }
        return switch (node.get("type").asText()) {
            case "auth" -> new Auth(requiredText(node, "token"));
            case "subscribe" -> new Subscribe(channel(node));
            case "unsubscribe" -> new Unsubscribe(channel(node));
            case "presence" -> presence(node);
            default -> throw new BadMessage("unknown-type", "Unknown message type.");
        };
    }

    private static Presence presence(JsonNode node) {
        UUID runId = uuid(node, "runId", true);
        UUID executionId = uuid(node, "executionId", false);
        PresenceState state;
        try {
            state = PresenceState.valueOf(requiredText(node, "state"));
        } catch (IllegalArgumentException e) {
            throw new BadMessage("malformed", "\"state\" is one of VIEWING, RECORDING, LEFT.");
        }
        if (state == PresenceState.RECORDING && executionId == null) {
            throw new BadMessage("malformed", "Recording names the execution (\"executionId\").");
        }
        return new Presence(runId, executionId, state);
    }

    private static Channel channel(JsonNode node) {
        return Channel.parseSubscribable(requiredText(node, "channel")).orElseThrow(() -> new BadMessage("malformed",
                "\"channel\" is project:<id> or run:<id>."));
    }

    private static UUID uuid(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new BadMessage("malformed", "\"" + field + "\" is required.");
            }
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw new BadMessage("malformed", "\"" + field + "\" is not an id.");
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadMessage("malformed", "\"" + field + "\" is required.");
        }
        return value.asText();
    }
}
