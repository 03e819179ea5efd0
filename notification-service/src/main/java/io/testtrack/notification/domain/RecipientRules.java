package io.testtrack.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who hears of an event personally, and why. Members of the project who opted in to a type hear
 * of every event of it besides (their preferences); the one who caused an event never hears of it.
 *
 * <ul>
 * <li>a defect's events: its assignee and reporter, its watchers (whoever commented on it), and
 * anyone a comment mentions ({@code @address});</li>
 * <li>a run completed, or an execution failed: whoever created the run;</li>
 * <li>a chat message: whoever it mentions.</li>
 * </ul>
 */
public final class RecipientRules {

    /** What the service knows about the event's defect or run, from its own projections. */
    public record Facts(UUID reporter, UUID assignee, Set<UUID> watchers, UUID runOwner, Set<UUID> mentioned) {
    }

    /** Fields that name who made a change, in the order they are looked for. */
    private static final List<String> ACTOR_FIELDS = List.of("changedBy", "assignedBy", "authorId", "recordedBy", "createdBy",
            "updatedBy", "deletedBy", "reporterId");

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private RecipientRules() {
    }

    /** {@code testtrack.defect.DefectAssigned} → {@code defect}. */
    public static String family(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 3 ? parts[parts.length - 2] : "";
    }

    /** User id → reason (assignee, reporter, watcher, mentioned, owner), the first reason winning. */
    public static Map<UUID, String> personal(String type, JsonNode data, Facts facts) {
        Map<UUID, String> recipients = new LinkedHashMap<>();
        String shortType = Activity.shortType(type);
        if ("defect".equals(family(type))) {
            add(recipients, facts.assignee(), "assignee");
            if (!"DefectCreated".equals(shortType)) {
                add(recipients, facts.reporter(), "reporter");
                facts.watchers().forEach(watcher -> add(recipients, watcher, "watcher"));
            }
            facts.mentioned().forEach(user -> add(recipients, user, "mentioned"));
        } else if ("RunCompleted".equals(shortType)
                || ("ExecutionStatusChanged".equals(shortType) && "FAILED".equals(data.path("status").asText()))) {
            add(recipients, facts.runOwner(), "owner");
        } else if ("ChatMessagePosted".equals(shortType)) {
            facts.mentioned().forEach(user -> add(recipients, user, "mentioned"));
        }
        actor(data).ifPresent(recipients::remove);
        return recipients;
    }

    public static Optional<UUID> actor(JsonNode data) {
        for (String field : ACTOR_FIELDS) {
            JsonNode value = data.get(field);
            if (value != null && value.isTextual()) {
                try {
                    return Optional.of(UUID.fromString(value.asText()));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The addresses a text mentions ({@code @ana@example.com}), lower-cased. */
    public static Set<String> mentions(String text) {
        Set<String> found = new java.util.LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find() && found.size() < 50) {
            found.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return found;
    }

    /** A line a person reads: "Defect assigned: SHOP-12 Checkout fails". */
    public static String title(String type, JsonNode data, String defectKey, String defectTitle) {
        String words = Activity.shortType(type).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        StringBuilder title = new StringBuilder(Character.toUpperCase(words.charAt(0)) + words.substring(1));
        String key = defectKey != null ? defectKey : text(data, "key");
        String name = defectTitle != null ? defectTitle : text(data, "title") != null ? text(data, "title") : text(data, "name");
        if (key != null || name != null) {
            title.append(':');
            if (key != null) {
                title.append(' ').append(key);
            }
            if (name != null) {
                title.append(' ').append(name.length() > 120 ? name.substring(0, 119) + "…" : name);
            }
        }
        return title.toString();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static void add(Map<UUID, String> recipients, UUID user, String reason) {
        if (user != null) {
            recipients.putIfAbsent(user, reason);
        }
    }
}
