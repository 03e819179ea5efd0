package io.testtrack.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventEnvelope;
import io.testtrack.notification.domain.Webhook;
import io.testtrack.notification.domain.WebhookRules;
import io.testtrack.notification.repository.SessionSql;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends due webhook deliveries: claims them (a lease on {@code next_attempt_at}, {@code SKIP
 * LOCKED}, so replicas share the work and a delivery whose sender died is taken up again when the
 * lease ends), signs and POSTs each, and records the outcome: delivered; or the next attempt
 * after a pause that doubles from {@code first-retry} up to an hour, until {@code retry-for}
 * (24 h) has passed, then FAILED. A webhook whose attempts fail {@code disable-after} times in a
 * row is disabled, and its project's leads get a notification.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;
    private static final int IN_FLIGHT = 8;

    private final Pool pool;
    private final HttpClient http;
    private final WebhookConfig config;
    private final WebhookService webhooks;
    private final NotificationWriter notifications;
    private final LiveBus bus;
    private final ObjectMapper mapper;

    public WebhookDispatcher(Pool pool, Vertx vertx, WebhookConfig config, WebhookService webhooks, NotificationWriter notifications,
            LiveBus bus, ObjectMapper mapper) {
        this.pool = pool;
        this.http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setMaxPoolSize(IN_FLIGHT)
                .setConnectTimeout((int) config.timeout().toMillis()));
        this.config = config;
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.bus = bus;
        this.mapper = mapper;
    }

    private record Due(UUID id, UUID webhookId, String eventId, String eventType, String payload, int attempts, Instant createdAt,
            String url, String secret, boolean active) {
    }

    private record Outcome(Integer status, String error, long latencyMs) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Scheduled(identity = "webhook-deliveries", every = "{notification.webhooks.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> dispatch() {
        return claim().chain(due -> io.smallrye.mutiny.Multi.createFrom().iterable(due)
                .onItem().transformToUni(this::attempt).merge(IN_FLIGHT)
                .collect().last().replaceWithVoid());
    }

    private Uni<List<Due>> claim() {
        return pool.preparedQuery("UPDATE webhook_deliveries d SET next_attempt_at = now() + $1 * interval '1 second', attempts = d.attempts + 1 "
                        + "FROM webhooks w WHERE w.id = d.webhook_id AND d.id IN (SELECT id FROM webhook_deliveries "
                        + "WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING d.id, d.webhook_id, d.event_id, d.event_type, d.payload, d.attempts, d.created_at, w.url, w.secret, w.active")
                .execute(Tuple.of((int) LEASE.toSeconds(), BATCH))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(new Due(row.getUUID("id"), row.getUUID("webhook_id"), row.getString("event_id"), row.getString("event_type"),
                                row.getString("payload"), row.getInteger("attempts"), row.getOffsetDateTime("created_at").toInstant(),
                                row.getString("url"), row.getString("secret"), row.getBoolean("active")));
                    }
                    return due;
                });
    }

    private Uni<Void> attempt(Due due) {
        if (!due.active()) {
            return finish(due, "FAILED", new Outcome(null, "the webhook is disabled", 0));
        }
        long started = System.nanoTime();
        return webhooks.allowed(due.url())
                .chain(() -> post(due))
                .map(status -> new Outcome(status, status >= 200 && status < 300 ? null : "answered " + status,
                        (System.nanoTime() - started) / 1_000_000))
                .onFailure().recoverWithItem(failure -> new Outcome(null, describe(failure), (System.nanoTime() - started) / 1_000_000))
                .chain(outcome -> record(due, outcome))
                .onFailure().invoke(failure -> Log.warnf("webhook delivery %s: the outcome was not recorded (%s); the lease ends "
                        + "and it is tried again", due.id(), failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Integer> post(Due due) {
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions options = new RequestOptions().setAbsoluteURI(due.url()).setMethod(HttpMethod.POST)
                .setTimeout(config.timeout().toMillis()).setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "TestTrack-Webhooks/1")
                .putHeader("X-TestTrack-Event", due.eventType())
                .putHeader("X-TestTrack-Delivery", due.id().toString())
                .putHeader("X-TestTrack-Timestamp", Long.toString(timestamp))
                .putHeader("X-TestTrack-Signature", WebhookRules.signature(due.secret(), timestamp, due.payload()));
        return http.request(options)
                .chain(request -> request.send(Buffer.buffer(due.payload())))
                .chain(response -> response.body().map(ignored -> response.statusCode()));
    }

    private Uni<Void> record(Due due, Outcome outcome) {
        if (outcome.delivered()) {
            return finish(due, "DELIVERED", outcome).chain(() -> pool.preparedQuery("UPDATE webhooks SET failures = 0 WHERE id = $1")
                    .execute(Tuple.of(due.webhookId()))).replaceWithVoid();
        }
        boolean givingUp = Instant.now().isAfter(due.createdAt().plus(config.retryFor()));
        Uni<Void> recorded = givingUp ? finish(due, "FAILED", outcome)
                : pool.preparedQuery("UPDATE webhook_deliveries SET next_attempt_at = $2, last_status_code = $3, last_error = $4, "
                                + "last_latency_ms = $5 WHERE id = $1")
                        .execute(Tuple.from(java.util.Arrays.asList(due.id(),
                                Instant.now().plus(WebhookRules.pauseAfter(due.attempts(), config.firstRetry(), config.longestPause()))
                                        .atOffset(ZoneOffset.UTC),
                                outcome.status(), outcome.error(), (int) outcome.latencyMs())))
                        .replaceWithVoid();
        return recorded.chain(() -> pool.preparedQuery("UPDATE webhooks SET failures = failures + 1, "
                        + "active = CASE WHEN failures + 1 >= $2 THEN false ELSE active END, "
                        + "disabled_reason = CASE WHEN active AND failures + 1 >= $2 THEN $3 ELSE disabled_reason END "
                        + "WHERE id = $1 RETURNING active, project_id, url, (failures = $2) AS just_disabled")
                .execute(Tuple.of(due.webhookId(), config.disableAfter(),
                        config.disableAfter() + " attempts in a row failed; the last: " + outcome.error())))
                .chain(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    return row != null && row.getBoolean("just_disabled")
                            ? tellLeads(due.webhookId(), row.getUUID("project_id"), row.getString("url"), outcome.error())
                            : Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> finish(Due due, String status, Outcome outcome) {
        return pool.preparedQuery("UPDATE webhook_deliveries SET status = $2, completed_at = now(), last_status_code = $3, last_error = $4, "
                        + "last_latency_ms = $5 WHERE id = $1")
                .execute(Tuple.from(java.util.Arrays.asList(due.id(), status, outcome.status(), outcome.error(), (int) outcome.latencyMs())))
                .replaceWithVoid();
    }

    /** A notification (in the app, by mail as they chose) for each lead of the project. */
    private Uni<Void> tellLeads(UUID webhookId, UUID projectId, String url, String lastError) {
        Log.warnf("webhook %s (%s) disabled after %d failed attempts in a row", webhookId, url, config.disableAfter());
        ObjectNode data = mapper.createObjectNode().put("projectId", projectId.toString()).put("webhookId", webhookId.toString())
                .put("url", url).put("lastError", lastError);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, "webhook-disabled:" + webhookId + ":" + Instant.now(),
                "/testtrack/notification-service", "testtrack.notification.WebhookDisabled", Instant.now(), webhookId.toString(),
                EventEnvelope.CONTENT_TYPE, 1, null, data);
        return Panache.withTransaction(() -> SessionSql.rows("SELECT user_id FROM access_members WHERE project_id = :project AND role = 'LEAD'",
                        Map.of("project", projectId))
                .chain(leads -> {
                    Map<UUID, String> recipients = new LinkedHashMap<>();
                    leads.forEach(lead -> recipients.put((UUID) lead[0], "lead"));
                    return notifications.notify(envelope, projectId, recipients, "Webhook disabled: " + url);
                }))
                .chain(bus::deliverAll);
    }

    private static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
