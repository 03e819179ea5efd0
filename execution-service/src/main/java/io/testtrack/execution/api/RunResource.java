package io.testtrack.execution.api;

import static io.testtrack.platform.error.QueryParams.enums;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.RunSource;
import io.testtrack.execution.api.RunDtos.CreateRun;
import io.testtrack.execution.api.RunDtos.ExecutionSummary;
import io.testtrack.execution.api.RunDtos.Page;
import io.testtrack.execution.api.RunDtos.Rerun;
import io.testtrack.execution.api.RunDtos.RunView;
import io.testtrack.execution.domain.CaseSelection;
import io.testtrack.execution.domain.ComparedCase;
import io.testtrack.execution.domain.Run;
import io.testtrack.execution.service.EnvironmentService;
import io.testtrack.execution.service.RunListing;
import io.testtrack.execution.service.RunService;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Test runs: create from a selection, list, read with counts, executions, close, re-run, compare. */
@Path("/api/runs")
@Authenticated
public class RunResource {

    private final RunService runs;
    private final RunListing listing;
    private final EnvironmentService environments;
    private final Caller caller;

    public RunResource(RunService runs, RunListing listing, EnvironmentService environments, Caller caller) {
        this.runs = runs;
        this.listing = listing;
        this.environments = environments;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateRun body) {
        RunDtos.Selection s = body.selection() == null ? new RunDtos.Selection(null, null, null, null, null) : body.selection();
        CaseSelection selection = new CaseSelection(orEmpty(s.caseIds()), orEmpty(s.suiteIds()), orEmpty(s.tags()),
                upper(s.priorities(), "selection.priorities", List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")),
                upper(s.types(), "selection.types", List.of("FUNCTIONAL", "REGRESSION", "SMOKE", "INTEGRATION", "PERFORMANCE", "SECURITY",
                        "USABILITY", "OTHER")));
        List<String> configurations = body.matrix() != null && !body.matrix().isEmpty() ? product(body.matrix()) : orEmpty(body.configurations());
        return runs.create(caller.principal(), new RunService.NewRun(body.projectId(), body.name().trim(), body.description(),
                        body.environment(), body.buildVersion(), body.milestone(), selection, configurations, orEmpty(body.assignees())))
                .map(run -> Response.created(URI.create("/api/runs/" + run.run().id)).entity(RunView.of(run)).build());
    }

    @GET
    public Uni<Page<RunView>> list(@QueryParam("projectId") @NotNull UUID projectId, @QueryParam("status") String status,
            @QueryParam("origin") String origin, @QueryParam("environment") String environment, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Set<Run.Status> statuses = enums(status, Run.Status.class, "status");
        return listing.runs(caller.principal(), projectId, statuses, enums(origin, RunSource.class, "origin"), environment, cursor, limit)
                .map(page -> new Page<>(page.items().stream().map(r -> RunView.of(r, null)).toList(), page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    public Uni<RunView> get(@PathParam("id") UUID id) {
        return runs.get(caller.principal(), id).map(RunView::of);
    }

    @GET
    @Path("/{id}/executions")
    public Uni<Page<ExecutionSummary>> executions(@PathParam("id") UUID id, @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return listing.executions(caller.principal(), id, enums(status, ExecutionStatus.class, "status"), cursor, limit)
                .map(page -> new Page<>(page.items().stream().map(ExecutionSummary::of).toList(), page.nextCursor()));
    }

    @POST
    @Path("/{id}/close")
    public Uni<RunView> close(@PathParam("id") UUID id) {
        return runs.close(caller.principal(), id).map(RunView::of);
    }

    @POST
    @Path("/{id}/rerun")
    public Uni<Response> rerun(@PathParam("id") UUID id, @Valid Rerun body) {
        return runs.rerun(caller.principal(), id, body == null ? null : body.name())
                .map(run -> Response.created(URI.create("/api/runs/" + run.run().id)).entity(RunView.of(run)).build());
    }

    /** The project's environments; once it has some, every run names one of them. */
    @GET
    @Path("/environments")
    public Uni<List<String>> environments(@QueryParam("projectId") @NotNull UUID projectId) {
        return environments.list(caller.principal(), projectId);
    }

    @jakarta.ws.rs.PUT
    @Path("/environments")
    public Uni<List<String>> replaceEnvironments(@QueryParam("projectId") @NotNull UUID projectId,
            @Valid @NotNull RunDtos.Environments body) {
        return environments.replace(caller.principal(), projectId, body.names());
    }

    @GET
    @Path("/compare")
    public Uni<List<ComparedCase>> compare(@QueryParam("a") @NotNull UUID a, @QueryParam("b") @NotNull UUID b) {
        return listing.compare(caller.principal(), a, b);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> upper(List<String> values, String field, List<String> allowed) {
        List<String> result = new ArrayList<>();
        for (String v : orEmpty(values)) {
            String u = v.trim().toUpperCase(Locale.ROOT);
            if (!allowed.contains(u)) {
                throw new InvalidFieldsException(field, "must be one of " + allowed);
            }
            result.add(u);
        }
        return result;
    }

    /** The labels of every combination: {browser: [chrome, firefox], os: [linux]} → "chrome / linux", "firefox / linux". */
    static List<String> product(Map<String, List<String>> matrix) {
        List<String> labels = List.of("");
        for (List<String> values : matrix.values()) {
            List<String> next = new ArrayList<>();
            for (String prefix : labels) {
                for (String value : values) {
                    next.add(prefix.isEmpty() ? value.trim() : prefix + " / " + value.trim());
                }
            }
            labels = next;
        }
        if (labels.size() > 50) {
            throw new InvalidFieldsException("matrix", "makes " + labels.size() + " configurations; at most 50");
        }
        return labels;
    }
}
