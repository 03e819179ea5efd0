package io.testtrack.execution.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.execution.api.RunDtos.ExecutionView;
import io.testtrack.execution.api.RunDtos.RecordStep;
import io.testtrack.execution.api.RunDtos.SetStatus;
import io.testtrack.execution.service.ExecutionService;
import io.testtrack.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** One execution: read it, record a step, set the status as a whole, time it, refresh it from its case. */
@Path("/api/executions")
@Authenticated
public class ExecutionResource {

    private final ExecutionService executions;
    private final Caller caller;

    public ExecutionResource(ExecutionService executions, Caller caller) {
        this.executions = executions;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    public Uni<ExecutionView> get(@PathParam("id") UUID id) {
        return executions.get(caller.principal(), id).map(ExecutionView::of);
    }

    @PUT
    @Path("/{id}/steps/{index}")
    public Uni<ExecutionView> recordStep(@PathParam("id") UUID id, @PathParam("index") int index, @Valid @NotNull RecordStep body) {
        return executions.recordStep(caller.principal(), id, index,
                new ExecutionService.StepInput(body.status(), body.actualResult(), body.comment())).map(ExecutionView::of);
    }

    @PATCH
    @Path("/{id}")
    public Uni<ExecutionView> setStatus(@PathParam("id") UUID id, @Valid @NotNull SetStatus body) {
        return executions.setStatus(caller.principal(), id, body.status(), body.version()).map(ExecutionView::of);
    }

    /** {@code {"assignee": "<user id>"}}, or null to unassign. */
    @PUT
    @Path("/{id}/assignee")
    public Uni<ExecutionView> assign(@PathParam("id") UUID id, @Valid @NotNull RunDtos.Assign body) {
        return executions.assign(caller.principal(), id, body.assignee()).map(ExecutionView::of);
    }

    @POST
    @Path("/{id}/timer/start")
    public Uni<ExecutionView> start(@PathParam("id") UUID id) {
        return executions.timer(caller.principal(), id, true).map(ExecutionView::of);
    }

    @POST
    @Path("/{id}/timer/stop")
    public Uni<ExecutionView> stop(@PathParam("id") UUID id) {
        return executions.timer(caller.principal(), id, false).map(ExecutionView::of);
    }

    @POST
    @Path("/{id}/refresh")
    public Uni<ExecutionView> refresh(@PathParam("id") UUID id) {
        return executions.refresh(caller.principal(), id).map(ExecutionView::of);
    }
}
