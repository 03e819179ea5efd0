package io.testtrack.platform.fields;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.security.Caller;
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
import java.util.List;
import java.util.UUID;

/**
 * The REST endpoints of a project's custom field definitions. A service subclasses this with its
 * {@code @Path} and its {@link FieldDefinitionService}; the records here are the API's contract
 * (the web UI's types are generated from their names).
 */
@Authenticated
public abstract class FieldDefinitionResource<F extends FieldDefinitionEntity> {

    public record CreateField(@NotNull UUID projectId, @NotBlank @Size(max = 40) String name, @NotBlank @Size(max = 100) String label,
            @NotNull FieldType type, @Size(max = CustomFieldRules.MAX_OPTIONS) List<String> options, boolean required) {
    }

    public record UpdateField(@NotBlank @Size(max = 100) String label, @Size(max = CustomFieldRules.MAX_OPTIONS) List<String> options,
            boolean required, Long version) {
    }

    public record FieldView(UUID id, UUID projectId, String name, String label, FieldType type, List<String> options,
            boolean required, int position, long version) {
        static FieldView of(FieldDefinitionEntity f) {
            return new FieldView(f.id, f.projectId, f.name, f.label, f.type, f.options, f.required, f.position, f.version);
        }
    }

    private final FieldDefinitionService<F> fields;
    private final Caller caller;
    private final String path;

    /** {@code path} is the subclass's {@code @Path}, for the Location of a new field. */
    protected FieldDefinitionResource(FieldDefinitionService<F> fields, Caller caller, String path) {
        this.fields = fields;
        this.caller = caller;
        this.path = path;
    }

    @GET
    public Uni<List<FieldView>> list(@QueryParam("projectId") @NotNull UUID projectId) {
        return fields.list(caller.principal(), projectId).map(list -> list.stream().map(FieldView::of).toList());
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateField body) {
        return fields.create(caller.principal(), body.projectId(),
                        new FieldDefinitionService.Definition(body.name(), body.label(), body.type(), body.options(), body.required()))
                .map(f -> Response.created(URI.create(path + "/" + f.id)).entity(FieldView.of(f)).build());
    }

    @PUT
    @Path("/{id}")
    public Uni<FieldView> update(@PathParam("id") UUID id, @Valid @NotNull UpdateField body) {
        return fields.update(caller.principal(), id, body.label(), body.options(), body.required(), body.version()).map(FieldView::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return fields.delete(caller.principal(), id).replaceWith(() -> Response.noContent().build());
    }
}
