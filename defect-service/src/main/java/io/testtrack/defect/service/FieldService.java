package io.testtrack.defect.service;

import io.testtrack.defect.domain.FieldDefinition;
import io.testtrack.defect.repository.FieldDefinitionRepository;
import io.testtrack.platform.fields.FieldDefinitionService;
import io.testtrack.platform.fields.FieldHolders;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.inject.Singleton;

/**
 * Custom field definitions of a project's defects, checked against the defects that hold values.
 * A singleton, not application-scoped: a client proxy needs a no-args constructor, and its
 * superclass has none (it takes its parts in the constructor).
 */
@Singleton
public class FieldService extends FieldDefinitionService<FieldDefinition> {

    public FieldService(FieldDefinitionRepository fields, ProjectAccess access) {
        super(fields, access, FieldDefinition::new, new FieldHolders("defects", "TRUE", "defects"));
    }
}
