package io.testtrack.notification.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.Channel;
import io.testtrack.notification.domain.Page;
import io.testtrack.notification.service.ChatService;
import io.testtrack.platform.error.InvalidFieldsException;
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
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Chat threads: {@code project:<id>} and {@code run:<id>}. */
@Path("/api/notifications/chat/{channel}")
@Authenticated
public class ChatResource {

    /** A message as posted or edited; its length is checked against the limit with a clear reason. */
    public record ChatBody(@NotNull String body) {
    }

    private final ChatService chat;
    private final Caller caller;

    public ChatResource(ChatService chat, Caller caller) {
        this.chat = chat;
        this.caller = caller;
    }

    @GET
    public Uni<Page<ObjectNode>> list(@PathParam("channel") String channel, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return chat.list(caller.principal(), channel(channel), cursor, limit);
    }

    @POST
    public Uni<Response> post(@PathParam("channel") String channel, @Valid @NotNull ChatBody body) {
        return chat.post(user(), channel(channel), body.body()).map(message -> Response.status(201).entity(message).build());
    }

    @PUT
    @Path("/{id}")
    public Uni<ObjectNode> edit(@PathParam("channel") String channel, @PathParam("id") UUID id, @Valid @NotNull ChatBody body) {
        return chat.edit(user(), channel(channel), id, body.body());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("channel") String channel, @PathParam("id") UUID id) {
        return chat.delete(user(), channel(channel), id);
    }

    private static Channel channel(String text) {
        return Channel.parseSubscribable(text)
                .orElseThrow(() -> new InvalidFieldsException("channel", "is project:<id> or run:<id>"));
    }

    private Principal.User user() {
        return caller.user(NotificationResource.PEOPLE_ONLY);
    }
}
