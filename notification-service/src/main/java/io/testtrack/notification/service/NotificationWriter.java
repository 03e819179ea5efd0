package io.testtrack.notification.service;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventEnvelope;
import io.testtrack.notification.domain.Activity;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.domain.RecipientRules;
import io.testtrack.notification.repository.SessionSql;
import io.testtrack.notification.service.LiveBus.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stores the notifications of one event in the caller's transaction: its personal recipients and
 * the project's members who opted in to its type, less the one who caused it, anyone no longer
 * in the project, and anyone who turned in-app notifications of the type off. At most one per
 * event and user (a unique key). Queues their mails (now or in the digest) as they chose.
 * Answers the messages for the recipients' own channels.
 */
@ApplicationScoped
public class NotificationWriter {

    public Uni<List<Delivery>> notify(EventEnvelope envelope, UUID projectId, Map<UUID, String> personal, String title) {
        String type = Activity.shortType(envelope.type());
        Map<UUID, String> candidates = new LinkedHashMap<>(personal);
        return SessionSql.rows("SELECT p.user_id FROM preferences p JOIN access_members m ON m.user_id = p.user_id "
                        + "AND m.project_id = :project WHERE p.event_type = :type AND p.all_projects",
                        Map.of("project", projectId, "type", type))
                .chain(optedIn -> {
                    optedIn.forEach(row -> candidates.putIfAbsent((UUID) row[0], "subscribed"));
                    RecipientRules.actor(envelope.data()).ifPresent(candidates::remove);
                    if (candidates.isEmpty()) {
                        return Uni.createFrom().item(List.<Object[]>of());
                    }
                    return SessionSql.rows("SELECT m.user_id, coalesce(p.in_app, true), "
                            + "CASE WHEN a.email = 'NONE' THEN 'NONE' ELSE coalesce(p.email, 'IMMEDIATE') END "
                            + "FROM access_members m LEFT JOIN preferences p ON p.user_id = m.user_id AND p.event_type = :type "
                            + "LEFT JOIN preferences a ON a.user_id = m.user_id AND a.event_type = 'ALL' "
                            + "WHERE m.project_id = :project AND m.user_id = ANY(CAST(string_to_array(:users, ',') AS uuid[]))",
                            Map.of("project", projectId, "type", type, "users", joined(candidates.keySet())));
                })
                .chain(rows -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    List<Delivery> deliveries = new ArrayList<>();
                    Uni<Void> writes = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        UUID user = (UUID) row[0];
                        String email = (String) row[2];
                        if (!"NONE".equals(email)) {
                            writes = writes.chain(() -> queueMail(user, envelope, email, projectId, title));
                        }
                        if (!(Boolean) row[1]) {
                            continue;
                        }
                        ObjectNode notification = view(UUID.randomUUID(), envelope, projectId, candidates.get(user), title, now);
                        writes = writes.chain(() -> insert(user, notification, envelope, projectId));
                        ObjectNode message = JsonNodeFactory.instance.objectNode().put("type", "notification").put("v", 1)
                                .put("channel", Channel.user(user).toString());
                        message.set("notification", notification);
                        deliveries.add(new Delivery(Channel.user(user), message));
                    }
                    return writes.replaceWith(deliveries);
                });
    }

    /** Users of the project whose address is one of {@code addresses} (lower-case). */
    public Uni<Set<UUID>> membersByEmail(UUID projectId, Set<String> addresses) {
        if (addresses.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return SessionSql.rows("SELECT u.user_id FROM access_users u JOIN access_members m ON m.user_id = u.user_id "
                        + "AND m.project_id = :project WHERE lower(u.email) = ANY(string_to_array(:emails, ','))",
                        Map.of("project", projectId, "emails", String.join(",", addresses)))
                .map(rows -> rows.stream().map(row -> (UUID) row[0]).collect(Collectors.toSet()));
    }

    private Uni<Void> insert(UUID user, ObjectNode notification, EventEnvelope envelope, UUID projectId) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("id", UUID.fromString(notification.get("id").asText()));
        params.put("user", user);
        params.put("project", projectId);
        params.put("event", envelope.id());
        params.put("type", notification.get("eventType").asText());
        params.put("reason", notification.get("reason").asText());
        params.put("title", notification.get("title").asText());
        params.put("data", notification.get("data").toString());
        params.put("at", Instant.parse(notification.get("createdAt").asText()));
        return execute("INSERT INTO notifications (id, user_id, project_id, event_id, event_type, reason, title, data, created_at) "
                + "VALUES (:id, :user, :project, :event, :type, :reason, :title, CAST(CAST(:data AS text) AS jsonb), :at) "
                + "ON CONFLICT (user_id, event_id) DO NOTHING", params);
    }

    /** At most one mail per event and user, whatever redelivers the event. */
    private Uni<Void> queueMail(UUID user, EventEnvelope envelope, String kind, UUID projectId, String title) {
        return execute("INSERT INTO mail_queue (user_id, event_id, kind, event_type, project_id, title) "
                + "VALUES (:user, :event, :kind, :type, :project, :title) ON CONFLICT (user_id, event_id) DO NOTHING",
                Map.of("user", user, "event", envelope.id(), "kind", kind, "type", Activity.shortType(envelope.type()),
                        "project", projectId, "title", title));
    }

    /** A notification as the API and the socket show it. */
    static ObjectNode view(UUID id, EventEnvelope envelope, UUID projectId, String reason, String title, Instant at) {
        ObjectNode view = JsonNodeFactory.instance.objectNode().put("id", id.toString())
                .put("eventType", Activity.shortType(envelope.type())).put("reason", reason).put("title", title)
                .put("projectId", projectId.toString()).put("createdAt", at.toString()).put("read", false);
        view.set("data", Activity.summary(envelope).get("data"));
        return view;
    }

    static String joined(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
