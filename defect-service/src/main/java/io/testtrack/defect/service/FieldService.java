package io.testtrack.defect.service;

import io.testtrack.defect.domain.FieldDefinition;
import io.testtrack.defect.repository.FieldDefinitionRepository;
import io.testtrack.platform.fields.FieldDefinitionService;
import io.testtrack.platform.fields.FieldHolders;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.inject.Singleton;

/**
 * Custom field definitions of a project's defects, checked against the defects that hold values.
 * A singleton: its superclass takes its parts in the constructor, so no client proxy can be made.
 */
@Singleton
public class FieldService extends FieldDefinitionService<FieldDefinition> {

    public FieldService(FieldDefinitionRepository fields, ProjectAccess access) {
        super(fields, access, FieldDefinition::new, new FieldHolders("defects", "TRUE", "defects"));
    }
}
