package io.testtrack.testcase.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.security.Caller;
import io.testtrack.testcase.api.CaseDtos.Bulk;
import io.testtrack.testcase.api.CaseDtos.BulkResult;
import io.testtrack.testcase.api.CaseDtos.CaseInput;
import io.testtrack.testcase.api.CaseDtos.CasePage;
import io.testtrack.testcase.api.CaseDtos.CaseView;
import io.testtrack.testcase.api.CaseDtos.CloneCase;
import io.testtrack.testcase.api.CaseDtos.ReplaceSteps;
import io.testtrack.testcase.api.CaseDtos.RestoreVersion;
import io.testtrack.testcase.api.CaseDtos.VersionSummary;
import io.testtrack.testcase.api.CaseDtos.VersionView;
import io.testtrack.testcase.domain.BulkAction;
import io.testtrack.testcase.domain.Steps;
import io.testtrack.testcase.domain.Tags;
import io.testtrack.testcase.service.BulkService;
import io.testtrack.testcase.service.SearchService;
import io.testtrack.testcase.service.TestCaseService;
import io.testtrack.testcase.service.VersionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Test cases: search, read, write, steps, history, clone, bulk changes and the trash. */
@Path("/api/tests")
@Authenticated
public class TestCaseResource {

    private final TestCaseService cases;
    private final VersionService versions;
    private final SearchService search;
    private final BulkService bulk;
    private final Caller caller;

    public TestCaseResource(TestCaseService cases, VersionService versions, SearchService search, BulkService bulk,
            Caller caller) {
        this.cases = cases;
        this.versions = versions;
        this.search = search;
        this.bulk = bulk;
        this.caller = caller;
    }

    @GET
    public Uni<CasePage> search(@Context UriInfo uri) {
        CaseQueries.Parsed parsed = CaseQueries.parse(uri.getQueryParameters());
        return search.search(caller.principal(), parsed.query(), parsed.customFields())
                .map(result -> new CasePage(result.items(),
                        result.next() == null ? null : result.next().encode(), result.total(), result.totalCapped()));
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CaseInput body) {
        if (body.projectId() == null) {
            throw new InvalidFieldsException("projectId", "is required");
        }
        return cases.create(caller.principal(), body.projectId(), body.toDomain())
                .map(written -> Response.created(URI.create("/api/tests/" + written.testCase().id)).entity(CaseView.of(written)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<CaseView> get(@PathParam("id") UUID id) {
        return cases.get(caller.principal(), id).map(CaseView::of);
    }

    @PUT
    @Path("/{id}")
    public Uni<CaseView> update(@PathParam("id") UUID id, @Valid @NotNull CaseInput body) {
        if (body.version() == null) {
            throw new InvalidFieldsException("version", "is required: the version your edit was made against");
        }
        return cases.update(caller.principal(), id, body.version(), body.toDomain()).map(CaseView::of);
    }

    /** Moves the case to the trash; {@code version}, when given, must be current. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id, @QueryParam("version") Integer version) {
        return cases.delete(caller.principal(), id, version).replaceWith(() -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    public Uni<CaseView> restore(@PathParam("id") UUID id) {
        return cases.restore(caller.principal(), id).map(CaseView::of);
    }

    @GET
    @Path("/{id}/steps")
    public Uni<ReplaceSteps> steps(@PathParam("id") UUID id) {
        return cases.get(caller.principal(), id)
                .map(written -> new ReplaceSteps(written.testCase().version, Steps.numbered(written.testCase().steps)));
    }

    /** Adds, edits, removes and reorders steps in one call: the list replaces the case's steps. */
    @PUT
    @Path("/{id}/steps")
    public Uni<CaseView> replaceSteps(@PathParam("id") UUID id, @Valid @NotNull ReplaceSteps body) {
        return cases.replaceSteps(caller.principal(), id, body.version(), Steps.arrange(body.steps(), "steps")).map(CaseView::of);
    }

    @GET
    @Path("/{id}/versions")
    public Uni<List<VersionSummary>> versions(@PathParam("id") UUID id) {
        return versions.list(caller.principal(), id).map(list -> list.stream().map(VersionSummary::of).toList());
    }

    @GET
    @Path("/{id}/versions/{n}")
    public Uni<VersionView> version(@PathParam("id") UUID id, @PathParam("n") int n) {
        return versions.get(caller.principal(), id, n).map(VersionView::of);
    }

    /** Makes version n's content the newest version; the body may name the current version, to be sure. */
    @POST
    @Path("/{id}/versions/{n}/restore")
    public Uni<CaseView> restoreVersion(@PathParam("id") UUID id, @PathParam("n") int n, @Valid RestoreVersion body) {
        return versions.restore(caller.principal(), id, n, body == null ? null : body.version()).map(CaseView::of);
    }

    @POST
    @Path("/{id}/clone")
    public Uni<Response> cloneCase(@PathParam("id") UUID id, @Valid CloneCase body) {
        return cases.clone(caller.principal(), id, body == null ? null : body.title(), body == null ? null : body.suiteId())
                .map(written -> Response.created(URI.create("/api/tests/" + written.testCase().id)).entity(CaseView.of(written)).build());
    }

    @POST
    @Path("/bulk")
    public Uni<BulkResult> bulk(@Valid @NotNull Bulk body) {
        if (body.action() == BulkAction.UPDATE && body.suiteId() == null && !body.moveToRoot() && body.priority() == null
                && body.status() == null && body.addTags() == null && body.removeTags() == null) {
            throw new InvalidFieldsException("action", "an UPDATE names at least one of suiteId, moveToRoot, priority, status,"
                    + " addTags, removeTags");
        }
        return bulk.apply(caller.principal(), body.projectId(), body.ids(), body.action(),
                new BulkService.Changes(body.suiteId(), body.moveToRoot(), body.priority(), body.status(),
                        body.addTags() == null ? null : Tags.normalize(body.addTags()),
                        body.removeTags() == null ? null : Tags.normalize(body.removeTags())))
                .map(BulkResult::new);
    }
}
