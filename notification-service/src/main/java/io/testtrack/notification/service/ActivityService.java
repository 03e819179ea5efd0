package io.testtrack.notification.service;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventEnvelope;
import io.testtrack.notification.domain.Activity;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.domain.RecipientRules;
import io.testtrack.notification.repository.SessionSql;
import io.testtrack.notification.service.LiveBus.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one event of another service changes here, in the consumer's transaction: the run and
 * defect projections, the notifications of the people it concerns, the deliveries of the
 * project's webhooks; answers what the sockets
 * should hear of it (published once the transaction has committed).
 */
@ApplicationScoped
public class ActivityService {

    private final NotificationWriter notifications;
    private final WebhookQueue webhooks;

    public ActivityService(NotificationWriter notifications, WebhookQueue webhooks) {
        this.notifications = notifications;
        this.webhooks = webhooks;
    }

    public Uni<List<Delivery>> apply(EventEnvelope envelope) {
        JsonNode data = envelope.data();
        Optional<UUID> project = Activity.projectId(data);
        if (data == null || project.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID projectId = project.get();
        List<Delivery> deliveries = new ArrayList<>();
        ObjectNode summary = Activity.summary(envelope);
        for (Channel channel : Activity.channels(data)) {
            deliveries.add(new Delivery(channel, Activity.eventMessage(channel, summary)));
        }
        return project(envelope.type(), data, projectId)
                .chain(() -> webhooks.enqueue(envelope, projectId))
                .chain(() -> facts(envelope.type(), data, projectId))
                .chain(facts -> notifications.notify(envelope, projectId, RecipientRules.personal(envelope.type(), data, facts.facts()),
                        title(envelope.type(), data, facts)))
                .map(personal -> {
                    deliveries.addAll(personal);
                    return deliveries;
                });
    }

    /** The run and defect projections: which project a run is in, who a defect concerns. */
    private Uni<Void> project(String type, JsonNode data, UUID projectId) {
        String shortType = Activity.shortType(type);
        Optional<UUID> runId = Activity.runId(data);
        if ("RunCreated".equals(shortType) && runId.isPresent()) {
            Map<String, Object> params = new HashMap<>();
            params.put("run", runId.get());
            params.put("project", projectId);
            params.put("name", text(data, "name"));
            params.put("by", uuid(data, "createdBy"));
            return execute("INSERT INTO runs (run_id, project_id, name, created_by) VALUES (:run, :project, :name, CAST(:by AS uuid)) "
                    + "ON CONFLICT (run_id) DO UPDATE SET name = :name, updated_at = now()", params);
        }
        if (runId.isPresent()) {
            // a run this service heard of only through later events still gets its project
            return execute("INSERT INTO runs (run_id, project_id) VALUES (:run, :project) ON CONFLICT (run_id) DO NOTHING",
                    Map.of("run", runId.get(), "project", projectId));
        }
        UUID defectId = uuid(data, "defectId");
        if (defectId == null || !"defect".equals(RecipientRules.family(type))) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("defect", defectId);
        params.put("project", projectId);
        params.put("key", text(data, "key"));
        params.put("title", text(data, "title"));
        params.put("reporter", uuid(data, "reporterId"));
        params.put("assignee", uuid(data, "assigneeId"));
        params.put("hasAssignee", data.has("assigneeId"));
        Uni<Void> upsert = execute("INSERT INTO defects (defect_id, project_id, key, title, reporter_id, assignee_id) "
                + "VALUES (:defect, :project, :key, :title, CAST(:reporter AS uuid), CAST(:assignee AS uuid)) "
                + "ON CONFLICT (defect_id) DO UPDATE SET key = coalesce(excluded.key, defects.key), "
                + "title = coalesce(excluded.title, defects.title), reporter_id = coalesce(excluded.reporter_id, defects.reporter_id), "
                + "assignee_id = CASE WHEN :hasAssignee THEN excluded.assignee_id ELSE defects.assignee_id END, updated_at = now()",
                params);
        Set<UUID> watchers = new HashSet<>();
        if ("DefectCommented".equals(shortType) && uuid(data, "authorId") != null) {
            watchers.add(uuid(data, "authorId"));
        }
        data.path("watcherIds").forEach(w -> Optional.ofNullable(parse(w.asText())).ifPresent(watchers::add));
        for (UUID watcher : watchers) {
            upsert = upsert.chain(() -> execute("INSERT INTO defect_watchers (defect_id, user_id) VALUES (:defect, :user) "
                    + "ON CONFLICT DO NOTHING", Map.of("defect", defectId, "user", watcher)));
        }
        return upsert;
    }

    private record DefectFacts(RecipientRules.Facts facts, String key, String title) {
    }

    private Uni<DefectFacts> facts(String type, JsonNode data, UUID projectId) {
        Set<String> addresses = new HashSet<>();
        for (String field : List.of("excerpt", "comment", "body", "text")) {
            addresses.addAll(RecipientRules.mentions(text(data, field)));
        }
        Uni<Set<UUID>> mentioned = notifications.membersByEmail(projectId, addresses);
        UUID defectId = uuid(data, "defectId");
        Optional<UUID> runId = Activity.runId(data);
        if (defectId != null && "defect".equals(RecipientRules.family(type))) {
            return mentioned.chain(m -> SessionSql.rows("SELECT d.reporter_id, d.assignee_id, d.key, d.title, "
                    + "(SELECT string_agg(CAST(user_id AS text), ',') FROM defect_watchers w WHERE w.defect_id = d.defect_id) "
                    + "FROM defects d WHERE d.defect_id = :defect", Map.of("defect", defectId)).map(rows -> {
                        if (rows.isEmpty()) {
                            return new DefectFacts(new RecipientRules.Facts(null, null, Set.of(), null, m), null, null);
                        }
                        Object[] row = rows.get(0);
                        Set<UUID> watchers = new HashSet<>();
                        if (row[4] != null) {
                            for (String w : row[4].toString().split(",")) {
                                watchers.add(UUID.fromString(w));
                            }
                        }
                        return new DefectFacts(new RecipientRules.Facts((UUID) row[0], (UUID) row[1], watchers, null, m),
                                (String) row[2], (String) row[3]);
                    }));
        }
        if (runId.isPresent()) {
            return mentioned.chain(m -> SessionSql.rows("SELECT created_by, name FROM runs WHERE run_id = :run", Map.of("run", runId.get()))
                    .map(rows -> new DefectFacts(new RecipientRules.Facts(null, null, Set.of(),
                            rows.isEmpty() ? null : (UUID) rows.get(0)[0], m), null, rows.isEmpty() ? null : (String) rows.get(0)[1])));
        }
        return mentioned.map(m -> new DefectFacts(new RecipientRules.Facts(null, null, Set.of(), null, m), null, null));
    }

    private static String title(String type, JsonNode data, DefectFacts facts) {
        return RecipientRules.title(type, data.has("testCase") ? data.get("testCase") : data, facts.key(), facts.title());
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static UUID uuid(JsonNode data, String field) {
        return parse(text(data, field));
    }

    private static UUID parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
