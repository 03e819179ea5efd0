package io.testtrack.defect.api;

import io.quarkus.security.Authenticated;
import io.testtrack.defect.domain.FieldDefinition;
import io.testtrack.defect.service.FieldService;
import io.testtrack.platform.fields.FieldDefinitionResource;
import io.testtrack.platform.security.Caller;
import jakarta.ws.rs.Path;

/** Custom field definitions of a project's defects, in the shape of test cases' /api/fields; a LEAD manages them. */
@Path(FieldResource.PATH)
@Authenticated
public class FieldResource extends FieldDefinitionResource<FieldDefinition> {

    static final String PATH = "/api/bugs/custom-fields";

    public FieldResource(FieldService fields, Caller caller) {
        super(fields, caller, PATH);
    }
}
