package io.testtrack.defect.api;

import static io.testtrack.platform.error.QueryParams.enums;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.api.DefectDtos.DefectBody;
import io.testtrack.defect.api.DefectDtos.DefectView;
import io.testtrack.defect.api.DefectDtos.HistoryView;
import io.testtrack.defect.api.DefectDtos.MoveView;
import io.testtrack.defect.api.DefectDtos.Page;
import io.testtrack.defect.api.DefectDtos.TransitionBody;
import io.testtrack.defect.domain.DefectQuery;
import io.testtrack.defect.domain.DefectSummary;
import io.testtrack.defect.domain.Priority;
import io.testtrack.defect.service.DefectListing;
import io.testtrack.defect.service.DefectService;
import io.testtrack.defect.service.WorkflowService;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.Severity;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Defects: file (from scratch or from a failed step), list and search, count per status, read, edit, move, history. */
@Path("/api/bugs")
@Authenticated
public class DefectResource {

    private final DefectService defects;
    private final DefectListing listing;
    private final WorkflowService workflow;
    private final Caller caller;

    public DefectResource(DefectService defects, DefectListing listing, WorkflowService workflow, Caller caller) {
        this.defects = defects;
        this.listing = listing;
        this.workflow = workflow;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull DefectBody body) {
        if (body.version() != null) {
            throw new InvalidFieldsException("version", "is given when editing a defect, not when filing one");
        }
        if ((body.executionId() == null) != (body.stepIndex() == null)) {
            throw new InvalidFieldsException(body.executionId() == null ? "executionId" : "stepIndex",
                    "executionId and stepIndex are given together");
        }
        DefectService.FromStep from = body.executionId() == null ? null : new DefectService.FromStep(body.executionId(), body.stepIndex());
        return defects.create(caller.principal(), body.projectId(), from, body.input())
                .map(d -> Response.created(URI.create("/api/bugs/" + d.id)).entity(DefectView.of(d)).build());
    }

    @GET
    public Uni<Page<DefectSummary>> list(@QueryParam("projectId") UUID projectId, @QueryParam("status") String status,
            @QueryParam("severity") String severity, @QueryParam("priority") String priority, @QueryParam("assigneeId") String assigneeId,
            @QueryParam("reporterId") String reporterId, @QueryParam("tags") String tags, @QueryParam("testCaseId") UUID testCaseId,
            @QueryParam("executionId") UUID executionId, @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("open") @DefaultValue("false") boolean open, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Principal principal = caller.principal();
        DefectQuery query = new DefectQuery(projectId, enums(status, DefectStatus.class, "status"), enums(severity, Severity.class, "severity"),
                enums(priority, Priority.class, "priority"), user(assigneeId, principal, "assigneeId"), user(reporterId, principal, "reporterId"),
                tags == null || tags.isBlank() ? List.of() : Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList(),
                testCaseId, executionId, q, open, cursor, limit);
        return listing.list(principal, query).map(page -> new Page<>(page.items(), page.nextCursor()));
    }

    @GET
    @Path("/counts")
    public Uni<Map<DefectStatus, Long>> counts(@QueryParam("projectId") @NotNull UUID projectId) {
        return listing.counts(caller.principal(), projectId);
    }

    @GET
    @Path("/{id}")
    public Uni<DefectView> get(@PathParam("id") UUID id) {
        return defects.get(caller.principal(), id).map(f -> DefectView.of(f.defect()));
    }

    @PATCH
    @Path("/{id}")
    public Uni<DefectView> edit(@PathParam("id") UUID id, @Valid @NotNull DefectBody body) {
        if (body.version() == null) {
            throw new InvalidFieldsException("version", "is required: the version the edit was made against");
        }
        if (body.projectId() != null || body.executionId() != null || body.stepIndex() != null) {
            throw new InvalidFieldsException(body.projectId() != null ? "projectId" : body.executionId() != null ? "executionId" : "stepIndex",
                    "is fixed when the defect is filed");
        }
        return defects.edit(caller.principal(), id, body.version(), body.input()).map(DefectView::of);
    }

    @GET
    @Path("/{id}/history")
    public Uni<List<HistoryView>> history(@PathParam("id") UUID id) {
        return defects.history(caller.principal(), id).map(entries -> entries.stream().map(HistoryView::of).toList());
    }

    @GET
    @Path("/{id}/transitions")
    public Uni<List<MoveView>> transitions(@PathParam("id") UUID id) {
        return workflow.allowed(caller.principal(), id).map(moves -> moves.stream().map(MoveView::of).toList());
    }

    @POST
    @Path("/{id}/transitions")
    public Uni<DefectView> transition(@PathParam("id") UUID id, @Valid @NotNull TransitionBody body) {
        return workflow.transition(caller.principal(), id, body.transition()).map(DefectView::of);
    }

    /** A user id, or {@code me} for the caller. */
    private static UUID user(String value, Principal principal, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("me")) {
            return principal.actorId();
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException(field, "must be a user id or me");
        }
    }
}
