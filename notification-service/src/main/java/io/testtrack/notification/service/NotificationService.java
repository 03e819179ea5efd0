package io.testtrack.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.domain.Cursor;
import io.testtrack.notification.domain.Page;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A user's own notifications: pages (unread first, then newest first, keyset), the unread count,
 * read, read-all, delete. Every change tells the user's other tabs the new unread count.
 */
@ApplicationScoped
public class NotificationService {

    private final Pool pool;
    private final ProjectAccess access;
    private final LiveBus bus;
    private final ObjectMapper mapper;

    public NotificationService(Pool pool, ProjectAccess access, LiveBus bus, ObjectMapper mapper) {
        this.pool = pool;
        this.access = access;
        this.bus = bus;
        this.mapper = mapper;
    }

    public Uni<Page<ObjectNode>> list(Principal.User user, String cursor, int limit) {
        List<Object> params = new ArrayList<>(List.of(user.userId(), limit + 1));
        String after = "";
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            params.add(c.rank());
            params.add(c.at().atOffset(ZoneOffset.UTC));
            params.add(c.id());
            after = " AND (CASE WHEN read_at IS NULL THEN 0 ELSE 1 END > $3 OR (CASE WHEN read_at IS NULL THEN 0 ELSE 1 END = $3 "
                    + "AND (created_at < $4 OR (created_at = $4 AND id < $5))))";
        }
        return pool.preparedQuery("SELECT id, project_id, event_type, reason, title, CAST(data AS text) AS data, created_at, read_at "
                        + "FROM notifications WHERE user_id = $1" + after
                        + " ORDER BY (read_at IS NOT NULL), created_at DESC, id DESC LIMIT $2")
                .execute(Tuple.from(params))
                .map(rows -> {
                    List<ObjectNode> items = new ArrayList<>();
                    Row last = null;
                    for (Row row : rows) {
                        if (items.size() == limit) {
                            break;
                        }
                        items.add(view(row));
                        last = row;
                    }
                    String next = rows.size() > limit && last != null
                            ? new Cursor(last.getOffsetDateTime("read_at") == null ? 0 : 1, last.getOffsetDateTime("created_at").toInstant(),
                                    last.getUUID("id")).encode()
                            : null;
                    return new Page<>(items, next);
                });
    }

    /** Unread notifications of the user, in one project when {@code projectId} is given (a member's). */
    public Uni<Long> unreadCount(Principal.User user, UUID projectId) {
        if (projectId == null) {
            return count(user.userId());
        }
        return access.require(user, projectId, Permission.READ).chain(() -> pool.preparedQuery(
                        "SELECT count(*) FROM notifications WHERE user_id = $1 AND project_id = $2 AND read_at IS NULL")
                .execute(Tuple.of(user.userId(), projectId)).map(rows -> rows.iterator().next().getLong(0)));
    }

    public Uni<Void> markRead(Principal.User user, UUID id) {
        return changed(user, pool.preparedQuery("UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(id, user.userId())).map(rows -> rows.rowCount()), true);
    }

    public Uni<Long> markAllRead(Principal.User user) {
        return pool.preparedQuery("UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL")
                .execute(Tuple.of(user.userId())).map(rows -> (long) rows.rowCount())
                .call(updated -> announceCount(user.userId()));
    }

    public Uni<Void> delete(Principal.User user, UUID id) {
        return changed(user, pool.preparedQuery("DELETE FROM notifications WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(id, user.userId())).map(rows -> rows.rowCount()), true);
    }

    private Uni<Void> changed(Principal.User user, Uni<Integer> change, boolean mustExist) {
        return change.chain(count -> {
            if (mustExist && count == 0) {
                return Uni.createFrom().failure(new ResourceNotFoundException("No such notification."));
            }
            return announceCount(user.userId());
        });
    }

    private Uni<Long> count(UUID userId) {
        return pool.preparedQuery("SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
                .execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The user's other tabs update their badge. */
    private Uni<Void> announceCount(UUID userId) {
        return count(userId).chain(count -> bus.deliver(Channel.user(userId), mapper.createObjectNode()
                .put("type", "unread-count").put("v", 1).put("channel", Channel.user(userId).toString()).put("count", count)));
    }

    private ObjectNode view(Row row) {
        OffsetDateTime read = row.getOffsetDateTime("read_at");
        ObjectNode view = mapper.createObjectNode().put("id", row.getUUID("id").toString())
                .put("eventType", row.getString("event_type")).put("reason", row.getString("reason"))
                .put("title", row.getString("title"))
                .put("projectId", row.getUUID("project_id") == null ? null : row.getUUID("project_id").toString())
                .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString()).put("read", read != null);
        try {
            JsonNode data = mapper.readTree(row.getString("data"));
            view.set("data", data);
        } catch (java.io.IOException e) {
            view.putObject("data");
        }
        return view;
    }
}
