package io.testtrack.notification.service;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventEnvelope;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.domain.Cursor;
import io.testtrack.notification.domain.Page;
import io.testtrack.notification.domain.RecipientRules;
import io.testtrack.notification.repository.SessionSql;
import io.testtrack.notification.service.LiveBus.Delivery;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A chat thread per project and per run: members read and post; authors edit and delete their
 * own messages. Every change reaches the channel's sockets; a message that mentions members
 * ({@code @address}) notifies them.
 */
@ApplicationScoped
public class ChatService {

    /** Longest message, in characters. */
    public static final int MAX_LENGTH = 4000;
    static final String POSTED = "testtrack.notification.ChatMessagePosted";

    private final ChannelAccess channels;
    private final NotificationWriter notifications;
    private final LiveBus bus;
    private final ObjectMapper mapper;

    public ChatService(ChannelAccess channels, NotificationWriter notifications, LiveBus bus, ObjectMapper mapper) {
        this.channels = channels;
        this.notifications = notifications;
        this.bus = bus;
        this.mapper = mapper;
    }

    /** Newest first. */
    public Uni<Page<ObjectNode>> list(Principal principal, Channel channel, String cursor, int limit) {
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        return channels.require(principal, channel, Permission.READ).chain(projectId -> Panache.withSession(() -> {
            Map<String, Object> params = new HashMap<>(Map.of("channel", channel.toString(), "limit", limit + 1));
            String keyset = "";
            if (after != null) {
                params.put("at", after.at().atOffset(ZoneOffset.UTC));
                params.put("id", after.id());
                keyset = " AND (created_at < :at OR (created_at = :at AND id < :id))";
            }
            return SessionSql.rows("SELECT id, author_id, body, created_at, edited_at FROM chat_messages WHERE channel = :channel "
                    + "AND deleted_at IS NULL" + keyset + " ORDER BY created_at DESC, id DESC LIMIT :limit", params);
        })).map(rows -> {
            List<ObjectNode> items = new ArrayList<>();
            for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
                items.add(view((UUID) row[0], channel, (UUID) row[1], (String) row[2], instant(row[3]), row[4] == null ? null : instant(row[4])));
            }
            String next = null;
            if (rows.size() > limit) {
                Object[] last = rows.get(limit - 1);
                next = new Cursor(0, instant(last[3]), (UUID) last[0]).encode();
            }
            return new Page<>(items, next);
        });
    }

    public Uni<ObjectNode> post(Principal.User author, Channel channel, String body) {
        String text = checked(body);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return channels.require(author, channel, Permission.READ).chain(projectId -> Panache.withTransaction(() ->
                execute("INSERT INTO chat_messages (id, channel, project_id, author_id, body, created_at) "
                        + "VALUES (:id, :channel, :project, :author, :body, :at)", Map.of("id", id, "channel", channel.toString(),
                        "project", projectId, "author", author.userId(), "body", text, "at", now.atOffset(ZoneOffset.UTC)))
                        .chain(() -> mentions(author, channel, projectId, id, text)))
                .chain(personal -> {
                    ObjectNode message = view(id, channel, author.userId(), text, now, null);
                    List<Delivery> deliveries = new ArrayList<>(personal);
                    deliveries.add(new Delivery(channel, chat(channel, "posted", message)));
                    return bus.deliverAll(deliveries).replaceWith(message);
                }));
    }

    public Uni<ObjectNode> edit(Principal.User author, Channel channel, UUID id, String body) {
        String text = checked(body);
        return own(author, channel, id).chain(() -> Panache.withTransaction(() -> execute(
                        "UPDATE chat_messages SET body = :body, edited_at = now() WHERE id = :id",
                        Map.of("body", text, "id", id)).chain(() -> SessionSql.rows(
                        "SELECT author_id, body, created_at, edited_at FROM chat_messages WHERE id = :id", Map.of("id", id)))))
                .chain(rows -> {
                    Object[] row = rows.get(0);
                    ObjectNode message = view(id, channel, (UUID) row[0], (String) row[1], instant(row[2]), instant(row[3]));
                    return bus.deliver(channel, chat(channel, "edited", message)).replaceWith(message);
                });
    }

    public Uni<Void> delete(Principal.User author, Channel channel, UUID id) {
        return own(author, channel, id).chain(() -> Panache.withTransaction(() -> execute(
                        "UPDATE chat_messages SET deleted_at = now() WHERE id = :id", Map.of("id", id))))
                .chain(() -> bus.deliver(channel, chat(channel, "deleted", mapper.createObjectNode().put("id", id.toString()))));
    }

    /** A message of the channel, still there, by the caller: else 404 (not in the thread) or 403 (someone else's). */
    private Uni<Void> own(Principal.User author, Channel channel, UUID id) {
        return channels.require(author, channel, Permission.READ).chain(projectId -> Panache.withSession(() -> SessionSql.rows(
                "SELECT author_id FROM chat_messages WHERE id = :id AND channel = :channel AND deleted_at IS NULL",
                Map.of("id", id, "channel", channel.toString())))).invoke(rows -> {
                    if (rows.isEmpty()) {
                        throw new ResourceNotFoundException("No such message in this thread.");
                    }
                    if (!author.userId().equals(rows.get(0)[0])) {
                        throw new AccessDeniedException("Only its author may change a message.");
                    }
                }).replaceWithVoid();
    }

    /** The members the message mentions are notified (as any event's recipients: preferences, at most once). */
    private Uni<List<Delivery>> mentions(Principal.User author, Channel channel, UUID projectId, UUID id, String text) {
        var addresses = RecipientRules.mentions(text);
        if (addresses.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ObjectNode data = mapper.createObjectNode().put("projectId", projectId.toString()).put("channel", channel.toString())
                .put("messageId", id.toString()).put("authorId", author.userId().toString()).put("body", text);
        if (channel.kind() == Channel.Kind.RUN) {
            data.put("runId", channel.id().toString());
        }
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, "chat:" + id, "/testtrack/notification-service",
                POSTED, Instant.now(), id.toString(), EventEnvelope.CONTENT_TYPE, 1, null, data);
        return notifications.membersByEmail(projectId, addresses).chain(mentioned -> notifications.notify(envelope, projectId,
                RecipientRules.personal(POSTED, data, new RecipientRules.Facts(null, null, java.util.Set.of(), null, mentioned)),
                "Mentioned in chat: " + (text.length() > 100 ? text.substring(0, 99) + "…" : text)));
    }

    private ObjectNode chat(Channel channel, String action, ObjectNode message) {
        ObjectNode chat = mapper.createObjectNode().put("type", "chat").put("v", 1).put("channel", channel.toString()).put("action", action);
        chat.set("message", message);
        return chat;
    }

    private ObjectNode view(UUID id, Channel channel, UUID author, String body, Instant at, Instant edited) {
        return mapper.createObjectNode().put("id", id.toString()).put("channel", channel.toString()).put("authorId", author.toString())
                .put("body", body).put("createdAt", at.toString()).put("editedAt", edited == null ? null : edited.toString());
    }

    private static String checked(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidFieldsException("body", "must not be blank");
        }
        if (body.length() > MAX_LENGTH) {
            throw new InvalidFieldsException("body", "is over the limit of " + MAX_LENGTH + " characters (" + body.length() + ")");
        }
        return body.strip();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
