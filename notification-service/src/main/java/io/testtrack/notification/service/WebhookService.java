package io.testtrack.notification.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.testtrack.notification.domain.Cursor;
import io.testtrack.notification.domain.Page;
import io.testtrack.notification.domain.Webhook;
import io.testtrack.notification.domain.WebhookDelivery;
import io.testtrack.notification.domain.WebhookRules;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A project LEAD's webhooks: register, list, change, delete; their deliveries, listed and sent again. */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, project_id, url, event_types, active, disabled_reason, created_at";

    private final Pool pool;
    private final ProjectAccess access;
    private final WebhookConfig config;

    public WebhookService(Pool pool, ProjectAccess access, WebhookConfig config) {
        this.pool = pool;
        this.access = access;
        this.config = config;
    }

    public Uni<List<Webhook>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.MANAGE).chain(() -> pool.preparedQuery(
                        "SELECT " + COLUMNS + " FROM webhooks WHERE project_id = $1 ORDER BY created_at, id").execute(Tuple.of(projectId)))
                .map(rows -> {
                    List<Webhook> list = new ArrayList<>();
                    rows.forEach(row -> list.add(webhook(row, null)));
                    return list;
                });
    }

    /** The secret is answered once, here; a webhook registered without one gets a random one. */
    public Uni<Webhook> register(Principal principal, UUID projectId, String url, List<String> eventTypes, String secret) {
        String key = secret == null || secret.isBlank() ? randomSecret() : secret;
        return access.require(principal, projectId, Permission.MANAGE)
                .chain(() -> allowed(url))
                .chain(() -> pool.preparedQuery("INSERT INTO webhooks (id, project_id, url, secret, event_types, created_by) "
                                + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
                        .execute(Tuple.from(List.of(UUID.randomUUID(), projectId, url, key, eventTypes.toArray(String[]::new),
                                principal.actorId()))))
                .map(rows -> webhook(rows.iterator().next(), key));
    }

    public Uni<Webhook> get(Principal principal, UUID id) {
        return owned(principal, id).map(row -> webhook(row, null));
    }

    /** Changes what is given; {@code active: true} re-enables a disabled webhook and forgets its failures. */
    public Uni<Webhook> update(Principal principal, UUID id, String url, List<String> eventTypes, String secret, Boolean active) {
        return owned(principal, id)
                .call(row -> url == null ? Uni.createFrom().voidItem() : allowed(url))
                .chain(row -> pool.preparedQuery("UPDATE webhooks SET url = coalesce($2, url), event_types = coalesce($3, event_types), "
                                + "secret = coalesce($4, secret), active = coalesce($5, active), "
                                + "failures = CASE WHEN $5 THEN 0 ELSE failures END, "
                                + "disabled_reason = CASE WHEN $5 THEN NULL ELSE disabled_reason END, updated_at = now() "
                                + "WHERE id = $1 RETURNING " + COLUMNS)
                        .execute(Tuple.from(java.util.Arrays.asList(id, url, eventTypes == null ? null : eventTypes.toArray(String[]::new),
                                secret == null || secret.isBlank() ? null : secret, active))))
                .map(rows -> webhook(rows.iterator().next(), null));
    }

    public Uni<Void> delete(Principal principal, UUID id) {
        return owned(principal, id).chain(row -> pool.preparedQuery("DELETE FROM webhooks WHERE id = $1").execute(Tuple.of(id)))
                .replaceWithVoid();
    }

    /** Newest first. */
    public Uni<Page<WebhookDelivery>> deliveries(Principal principal, UUID id, String cursor, int limit) {
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        return owned(principal, id).chain(row -> {
            List<Object> params = new ArrayList<>(List.of(id, limit + 1));
            String keyset = "";
            if (after != null) {
                params.add(after.at().atOffset(ZoneOffset.UTC));
                params.add(after.id());
                keyset = " AND (created_at < $3 OR (created_at = $3 AND id < $4))";
            }
            return pool.preparedQuery("SELECT * FROM webhook_deliveries WHERE webhook_id = $1" + keyset
                    + " ORDER BY created_at DESC, id DESC LIMIT $2").execute(Tuple.from(params));
        }).map(rows -> {
            List<WebhookDelivery> items = new ArrayList<>();
            for (Row row : rows) {
                if (items.size() < limit) {
                    items.add(delivery(row));
                }
            }
            String next = rows.size() > limit
                    ? new Cursor(0, items.get(limit - 1).createdAt(), items.get(limit - 1).id()).encode() : null;
            return new Page<>(items, next);
        });
    }

    /** Sends a delivery's payload again, as a new delivery with attempts of its own. */
    public Uni<WebhookDelivery> redeliver(Principal principal, UUID id, UUID deliveryId) {
        return owned(principal, id).chain(row -> pool.preparedQuery("INSERT INTO webhook_deliveries "
                        + "(id, webhook_id, event_id, event_type, payload, status, redelivery_of) "
                        + "SELECT $1, webhook_id, event_id, event_type, payload, 'PENDING', id FROM webhook_deliveries "
                        + "WHERE id = $2 AND webhook_id = $3 RETURNING *")
                .execute(Tuple.of(UUID.randomUUID(), deliveryId, id)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ResourceNotFoundException("No such delivery.");
                    }
                    return delivery(rows.iterator().next());
                });
    }

    /**
     * Refuses a URL that is malformed or whose host resolves to an address the operator has not
     * allowed (loopback, private, link-local and cloud metadata, shared, unspecified, multicast):
     * a webhook must not let a project lead reach the service's own network.
     */
    public Uni<Void> allowed(String url) {
        WebhookRules.urlProblem(url).ifPresent(problem -> {
            throw new InvalidFieldsException("url", problem);
        });
        String host = URI.create(url).getHost();
        return Uni.createFrom().item(() -> {
                    try {
                        return InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
                    } catch (UnknownHostException e) {
                        throw new InvalidFieldsException("url", "names a host that does not resolve");
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(addresses -> {
                    for (InetAddress address : addresses) {
                        WebhookRules.AddressKind kind = WebhookRules.kind(address);
                        if ((kind == WebhookRules.AddressKind.LOOPBACK && !config.allowLoopback())
                                || (kind == WebhookRules.AddressKind.INTERNAL && !config.allowPrivate())) {
                            throw new InvalidFieldsException("url", "resolves to a loopback, private, link-local or other internal "
                                    + "address (" + address.getHostAddress() + "), which webhooks may not call");
                        }
                    }
                }).replaceWithVoid();
    }

    /** The webhook's row, once the caller may manage its project; else 404 (or 403 for a member who may not). */
    private Uni<Row> owned(Principal principal, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM webhooks WHERE id = $1").execute(Tuple.of(id))
                .chain(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    return access.requireOn(principal, row, r -> r.getUUID("project_id"), Permission.MANAGE, "No such webhook.");
                });
    }

    private static Webhook webhook(Row row, String secret) {
        return new Webhook(row.getUUID("id"), row.getUUID("project_id"), row.getString("url"),
                List.of(row.getArrayOfStrings("event_types")), row.getBoolean("active"), row.getString("disabled_reason"),
                row.getOffsetDateTime("created_at").toInstant(), secret);
    }

    private static WebhookDelivery delivery(Row row) {
        return new WebhookDelivery(row.getUUID("id"), row.getString("event_id"), row.getString("event_type"), row.getString("status"),
                row.getInteger("attempts"), row.getInteger("last_status_code"), row.getString("last_error"),
                row.getInteger("last_latency_ms"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("completed_at")),
                "PENDING".equals(row.getString("status")) ? instant(row.getOffsetDateTime("next_attempt_at")) : null,
                row.getUUID("redelivery_of"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
