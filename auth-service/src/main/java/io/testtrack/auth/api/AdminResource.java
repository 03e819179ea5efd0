package io.testtrack.auth.api;

import io.smallrye.mutiny.Uni;
import io.testtrack.auth.api.AuthDtos.UserView;
import io.testtrack.auth.domain.AuditEntry;
import io.testtrack.auth.domain.Page;
import io.testtrack.auth.service.AdminService;
import io.testtrack.events.GlobalRole;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import io.testtrack.auth.api.validation.AcceptablePassword;

/**
 * User administration and the audit log: ADMIN only, as the user is now (not as the token says:
 * a demoted admin's token still names ADMIN until it stops at the gateway).
 */
@Path("/api/admin")
@RolesAllowed("ADMIN")
public class AdminResource {

    private final AdminService admin;
    private final Caller caller;

    public AdminResource(AdminService admin, Caller caller) {
        this.admin = admin;
        this.caller = caller;
    }

    public record CreateUser(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String name,
            @NotNull GlobalRole role, @AcceptablePassword String password) {
    }

    public record UpdateUser(GlobalRole role, Boolean active) {
    }

    public record AuditView(long id, Instant at, UUID actorId, String actorEmail, String action, String targetType,
            String targetId, String ip, String details) {

        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.at, e.actorId, e.actorEmail, e.action, e.targetType, e.targetId, e.ip, e.details);
        }
    }

    /** The administrator making the request, once the account is checked as active and still ADMIN. */
    private Uni<Principal.User> asAdmin() {
        Principal.User me = caller.user(RequestContext.USERS_ONLY);
        return admin.requireAdmin(me.userId()).replaceWith(me);
    }

    @GET
    @Path("/users")
    public Uni<Page<UserView>> users(@QueryParam("q") @Size(max = 100) String query,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return asAdmin().chain(() -> admin.users(query, page, size))
                .map(p -> new Page<>(p.items().stream().map(UserView::of).toList(), p.page(), p.size(), p.total()));
    }

    @POST
    @Path("/users")
    public Uni<Response> create(@Valid @NotNull CreateUser body, @Context HttpServerRequest request) {
        return asAdmin().chain(me -> admin.create(body.email(), body.name(), body.role(), body.password(),
                        RequestContext.of(request, me)))
                .map(user -> Response.created(URI.create("/api/admin/users/" + user.id)).entity(UserView.of(user)).build());
    }

    @PATCH
    @Path("/users/{id}")
    public Uni<UserView> update(@PathParam("id") UUID id, @Valid @NotNull UpdateUser body,
            @Context HttpServerRequest request) {
        return asAdmin().chain(me -> admin.update(id, body.role(), body.active(), RequestContext.of(request, me)))
                .map(UserView::of);
    }

    @GET
    @Path("/audit")
    public Uni<Page<AuditView>> audit(@QueryParam("action") @Size(max = 50) String action,
            @QueryParam("actor") UUID actor,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return asAdmin().chain(() -> admin.audit(action, actor, page, size))
                .map(p -> new Page<>(p.items().stream().map(AuditView::of).toList(), p.page(), p.size(), p.total()));
    }
}
