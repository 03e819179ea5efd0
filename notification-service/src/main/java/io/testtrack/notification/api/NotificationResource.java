package io.testtrack.notification.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.api.NotificationDtos.Preferences;
import io.testtrack.notification.api.NotificationDtos.UnreadCount;
import io.testtrack.notification.api.NotificationDtos.Updated;
import io.testtrack.notification.domain.Page;
import io.testtrack.notification.service.NotificationService;
import io.testtrack.notification.service.PreferenceService;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;

/** The caller's own notifications and notification preferences. */
@Path("/api/notifications")
@Authenticated
public class NotificationResource {

    /** Notifications and chat belong to people: a CI pipeline's API token has neither. */
    static final String PEOPLE_ONLY = "API tokens have no notifications or chat; sign in as a user.";

    private final NotificationService notifications;
    private final PreferenceService preferences;
    private final Caller caller;

    public NotificationResource(NotificationService notifications, PreferenceService preferences, Caller caller) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.caller = caller;
    }

    /** Unread first, then newest first; {@code nextCursor} is null on the last page. */
    @GET
    public Uni<Page<ObjectNode>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return notifications.list(user(), cursor, limit);
    }

    @GET
    @Path("/unread-count")
    public Uni<UnreadCount> unreadCount(@QueryParam("projectId") UUID projectId) {
        return notifications.unreadCount(user(), projectId).map(UnreadCount::new);
    }

    @POST
    @Path("/{id}/read")
    public Uni<Void> read(@PathParam("id") UUID id) {
        return notifications.markRead(user(), id);
    }

    @POST
    @Path("/read-all")
    public Uni<Updated> readAll() {
        return notifications.markAllRead(user()).map(Updated::new);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return notifications.delete(user(), id);
    }

    @GET
    @Path("/preferences")
    public Uni<Preferences> preferences() {
        return preferences.list(user()).map(Preferences::new);
    }

    @PUT
    @Path("/preferences")
    public Uni<Preferences> setPreferences(@Valid @NotNull Preferences body) {
        return preferences.put(user(), body.preferences()).map(Preferences::new);
    }

    private Principal.User user() {
        return caller.user(PEOPLE_ONLY);
    }
}
