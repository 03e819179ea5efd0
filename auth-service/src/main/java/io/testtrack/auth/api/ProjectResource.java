package io.testtrack.auth.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.api.ProjectDtos.AddMember;
import io.testtrack.auth.api.ProjectDtos.ChangeMember;
import io.testtrack.auth.api.ProjectDtos.CreateProject;
import io.testtrack.auth.api.ProjectDtos.CreateToken;
import io.testtrack.auth.api.ProjectDtos.CreatedToken;
import io.testtrack.auth.api.ProjectDtos.ProjectView;
import io.testtrack.auth.api.ProjectDtos.TokenView;
import io.testtrack.auth.api.ProjectDtos.UpdateProject;
import io.testtrack.auth.domain.Member;
import io.testtrack.auth.service.ApiTokenService;
import io.testtrack.auth.service.MemberService;
import io.testtrack.auth.service.ProjectService;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;

/** Projects, their members and their API tokens. Outside a project everything about it is 404. */
@Path("/api/projects")
@Authenticated
public class ProjectResource {

    private final ProjectService projects;
    private final MemberService members;
    private final ApiTokenService tokens;
    private final Caller caller;

    public ProjectResource(ProjectService projects, MemberService members, ApiTokenService tokens, Caller caller) {
        this.projects = projects;
        this.members = members;
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateProject body, @Context HttpServerRequest request) {
        Principal principal = caller.principal();
        return projects.create(principal, body.key(), body.name(), body.description(), RequestContext.of(request, principal))
                .map(p -> Response.created(URI.create("/api/projects/" + p.id)).entity(ProjectView.of(p)).build());
    }

    @GET
    public Uni<List<ProjectView>> list(@QueryParam("archived") @DefaultValue("false") boolean includeArchived) {
        return projects.list(caller.principal(), includeArchived).map(list -> list.stream().map(ProjectView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<ProjectView> get(@PathParam("id") UUID id) {
        return projects.get(caller.principal(), id).map(ProjectView::of);
    }

    @PATCH
    @Path("/{id}")
    public Uni<ProjectView> update(@PathParam("id") UUID id, @Valid @NotNull UpdateProject body,
            @Context HttpServerRequest request) {
        Principal principal = caller.principal();
        return projects.update(principal, id,
                        new ProjectService.Changes(body.name(), body.description(), body.archived(), body.version()),
                        RequestContext.of(request, principal))
                .map(ProjectView::of);
    }

    @GET
    @Path("/{id}/members")
    public Uni<List<Member>> members(@PathParam("id") UUID id) {
        return members.list(caller.principal(), id);
    }

    @POST
    @Path("/{id}/members")
    public Uni<Response> addMember(@PathParam("id") UUID id, @Valid @NotNull AddMember body,
            @Context HttpServerRequest request) {
        Principal principal = caller.principal();
        return members.add(principal, id, body.email(), body.role(), RequestContext.of(request, principal))
                .map(m -> Response.status(Response.Status.CREATED).entity(m).build());
    }

    @PATCH
    @Path("/{id}/members/{userId}")
    public Uni<Member> changeMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId,
            @Valid @NotNull ChangeMember body, @Context HttpServerRequest request) {
        Principal principal = caller.principal();
        return members.changeRole(principal, id, userId, body.role(), RequestContext.of(request, principal));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    public Uni<Response> removeMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId,
            @Context HttpServerRequest request) {
        Principal principal = caller.principal();
        return members.remove(principal, id, userId, RequestContext.of(request, principal))
                .replaceWith(() -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/tokens")
    public Uni<Response> createToken(@PathParam("id") UUID id, @Valid @NotNull CreateToken body,
            @Context HttpServerRequest request) {
        Principal principal = caller.principal();
        return tokens.create(principal, id, body.name(), body.role(), body.expiresAt(), RequestContext.of(request, principal))
                .map(created -> Response.status(Response.Status.CREATED).entity(new CreatedToken(created.token().id,
                        created.secret(), created.token().name, created.token().role, created.token().tokenPrefix,
                        created.token().expiresAt, created.token().createdAt)).build());
    }

    @GET
    @Path("/{id}/tokens")
    public Uni<List<TokenView>> listTokens(@PathParam("id") UUID id) {
        return tokens.list(caller.principal(), id).map(list -> list.stream().map(TokenView::of).toList());
    }

    @DELETE
    @Path("/{id}/tokens/{tokenId}")
    public Uni<Response> revokeToken(@PathParam("id") UUID id, @PathParam("tokenId") UUID tokenId,
            @Context HttpServerRequest request) {
        Principal principal = caller.principal();
        return tokens.revoke(principal, id, tokenId, RequestContext.of(request, principal))
                .replaceWith(() -> Response.noContent().build());
    }
}
