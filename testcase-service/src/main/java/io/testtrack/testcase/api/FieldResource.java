package io.testtrack.testcase.api;

import io.quarkus.security.Authenticated;
import io.testtrack.platform.fields.FieldDefinitionResource;
import io.testtrack.platform.security.Caller;
import io.testtrack.testcase.domain.FieldDefinition;
import io.testtrack.testcase.service.FieldService;
import jakarta.ws.rs.Path;

/** Custom field definitions of a project's test cases; a LEAD manages them. */
@Path(FieldResource.PATH)
@Authenticated
public class FieldResource extends FieldDefinitionResource<FieldDefinition> {

    static final String PATH = "/api/fields";

    public FieldResource(FieldService fields, Caller caller) {
        super(fields, caller, PATH);
    }
}
