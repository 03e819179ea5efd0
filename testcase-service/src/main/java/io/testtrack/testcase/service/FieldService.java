package io.testtrack.testcase.service;

import io.testtrack.platform.fields.FieldDefinitionService;
import io.testtrack.platform.fields.FieldHolders;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.FieldDefinition;
import io.testtrack.testcase.repository.FieldDefinitionRepository;
import jakarta.inject.Singleton;

/**
 * Custom field definitions of a project's cases, checked against the cases that hold values.
 * A singleton, not application-scoped: a client proxy needs a no-args constructor, and its
 * superclass has none (it takes its parts in the constructor).
 */
@Singleton
public class FieldService extends FieldDefinitionService<FieldDefinition> {

    public FieldService(FieldDefinitionRepository fields, ProjectAccess access) {
        super(fields, access, FieldDefinition::new, new FieldHolders("test_cases", "deleted_at IS NULL", "test cases"));
    }
}
