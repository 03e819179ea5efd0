package io.testtrack.notification.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.Page;
import io.testtrack.notification.domain.Webhook;
import io.testtrack.notification.domain.WebhookDelivery;
import io.testtrack.notification.service.WebhookService;
import io.testtrack.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** A project LEAD's outgoing webhooks and their delivery log. */
@Path("/api/webhooks")
@Authenticated
public class WebhookResource {

    /** Event types by short name ({@code RunCompleted}); none: every type. */
    public record Register(@NotNull UUID projectId, @NotNull @Size(max = 2000) String url,
            @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z][A-Za-z]{2,63}", message = "is an event type such as RunCompleted") String> eventTypes,
            @Size(min = 16, max = 200, message = "has 16 to 200 characters") String secret) {
    }

    /** What is given changes; {@code active: true} re-enables a disabled webhook. */
    public record Change(@Size(max = 2000) String url,
            @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z][A-Za-z]{2,63}", message = "is an event type such as RunCompleted") String> eventTypes,
            @Size(min = 16, max = 200, message = "has 16 to 200 characters") String secret, Boolean active) {
    }

    private final WebhookService webhooks;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @GET
    public Uni<List<Webhook>> list(@QueryParam("projectId") @NotNull UUID projectId) {
        return webhooks.list(caller.principal(), projectId);
    }

    /** 201 with the secret, shown this once. */
    @POST
    public Uni<Response> register(@Valid @NotNull Register body) {
        return webhooks.register(caller.principal(), body.projectId(), body.url(), body.eventTypes() == null ? List.of() : body.eventTypes(),
                body.secret()).map(created -> Response.status(201).entity(created).build());
    }

    @GET
    @Path("/{id}")
    public Uni<Webhook> get(@PathParam("id") UUID id) {
        return webhooks.get(caller.principal(), id);
    }

    @PUT
    @Path("/{id}")
    public Uni<Webhook> change(@PathParam("id") UUID id, @Valid @NotNull Change body) {
        return webhooks.update(caller.principal(), id, body.url(), body.eventTypes(), body.secret(), body.active());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return webhooks.delete(caller.principal(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    public Uni<Page<WebhookDelivery>> deliveries(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return webhooks.deliveries(caller.principal(), id, cursor, limit);
    }

    /** 202: the delivery is queued again as a new one. */
    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    public Uni<Response> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.redeliver(caller.principal(), id, deliveryId).map(d -> Response.accepted(d).build());
    }
}
