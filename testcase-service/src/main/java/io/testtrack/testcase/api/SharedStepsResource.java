package io.testtrack.testcase.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.security.Caller;
import io.testtrack.testcase.domain.NumberedStep;
import io.testtrack.testcase.domain.SharedSteps;
import io.testtrack.testcase.domain.Steps;
import io.testtrack.testcase.service.SharedStepsService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Shared step groups; editing one updates and versions every case that includes it. */
@Path("/api/shared-steps")
@Authenticated
public class SharedStepsResource {

    public record CreateShared(@NotNull UUID projectId, @NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 1, max = Steps.MAX_STEPS) List<@NotNull @Valid NumberedStep> steps) {
    }

    public record UpdateShared(@NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 1, max = Steps.MAX_STEPS) List<@NotNull @Valid NumberedStep> steps, Integer version) {
    }

    public record SharedView(UUID id, UUID projectId, String name, List<NumberedStep> steps, int version, Instant updatedAt,
            Integer casesUpdated) {
        static SharedView of(SharedSteps g, Integer casesUpdated) {
            return new SharedView(g.id, g.projectId, g.name, Steps.numbered(g.steps), g.version, g.updatedAt, casesUpdated);
        }
    }

    private final SharedStepsService groups;
    private final Caller caller;

    public SharedStepsResource(SharedStepsService groups, Caller caller) {
        this.groups = groups;
        this.caller = caller;
    }

    @GET
    public Uni<List<SharedView>> list(@QueryParam("projectId") @NotNull UUID projectId) {
        return groups.list(caller.principal(), projectId).map(list -> list.stream().map(g -> SharedView.of(g, null)).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<SharedView> get(@PathParam("id") UUID id) {
        return groups.get(caller.principal(), id).map(g -> SharedView.of(g, null));
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateShared body) {
        return groups.create(caller.principal(), body.projectId(), body.name(), Steps.arrange(body.steps(), "steps"))
                .map(g -> Response.created(URI.create("/api/shared-steps/" + g.id)).entity(SharedView.of(g, null)).build());
    }

    /** Answers how many cases the edit changed ({@code casesUpdated}). */
    @PUT
    @Path("/{id}")
    public Uni<SharedView> update(@PathParam("id") UUID id, @Valid @NotNull UpdateShared body) {
        return groups.update(caller.principal(), id, body.name(), Steps.arrange(body.steps(), "steps"), body.version())
                .map(result -> SharedView.of(result.group(), result.casesUpdated()));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return groups.delete(caller.principal(), id).replaceWith(() -> Response.noContent().build());
    }
}
