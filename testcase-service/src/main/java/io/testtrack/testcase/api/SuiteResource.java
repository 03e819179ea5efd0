package io.testtrack.testcase.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.security.Caller;
import io.testtrack.testcase.domain.Suite;
import io.testtrack.testcase.service.SuiteService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A project's suite tree, listed flat (parentId and position place each suite). */
@Path("/api/suites")
@Authenticated
public class SuiteResource {

    /** Suite names hold no '/', which separates them in a path (the CSV layout's suite column). */
    private static final String NAME = "[^/]+";

    public record CreateSuite(@NotNull UUID projectId, @NotBlank @Size(max = Suite.MAX_NAME) @Pattern(regexp = NAME,
            message = "must not contain '/'") String name, UUID parentId) {
    }

    public record RenameSuite(@NotBlank @Size(max = Suite.MAX_NAME) @Pattern(regexp = NAME, message = "must not contain '/'") String name,
            Long version) {
    }

    /** {@code parentId} null moves to the root; {@code position} null puts the suite last. */
    public record MoveSuite(UUID parentId, @Min(0) Integer position, Long version) {
    }

    public record SuiteView(UUID id, UUID projectId, UUID parentId, String name, int position, long version, Instant createdAt,
            Instant updatedAt) {
        static SuiteView of(Suite s) {
            return new SuiteView(s.id, s.projectId, s.parentId, s.name, s.position, s.version, s.createdAt, s.updatedAt);
        }
    }

    public record Deleted(int casesMovedToTrash) {
    }

    private final SuiteService suites;
    private final Caller caller;

    public SuiteResource(SuiteService suites, Caller caller) {
        this.suites = suites;
        this.caller = caller;
    }

    @GET
    public Uni<List<SuiteView>> list(@QueryParam("projectId") @NotNull UUID projectId) {
        return suites.list(caller.principal(), projectId).map(list -> list.stream().map(SuiteView::of).toList());
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateSuite body) {
        return suites.create(caller.principal(), body.projectId(), body.parentId(), body.name())
                .map(s -> Response.created(URI.create("/api/suites/" + s.id)).entity(SuiteView.of(s)).build());
    }

    @PATCH
    @Path("/{id}")
    public Uni<SuiteView> rename(@PathParam("id") UUID id, @Valid @NotNull RenameSuite body) {
        return suites.rename(caller.principal(), id, body.name(), body.version()).map(SuiteView::of);
    }

    @POST
    @Path("/{id}/move")
    public Uni<SuiteView> move(@PathParam("id") UUID id, @Valid @NotNull MoveSuite body) {
        return suites.move(caller.principal(), id, body.parentId(), body.position(), body.version()).map(SuiteView::of);
    }

    /** Refused (409) while the suite holds suites or cases, unless {@code cascade=true}. */
    @DELETE
    @Path("/{id}")
    public Uni<Deleted> delete(@PathParam("id") UUID id, @QueryParam("cascade") @DefaultValue("false") boolean cascade) {
        return suites.delete(caller.principal(), id, cascade).map(Deleted::new);
    }
}
