package io.testtrack.testcase.repository;

import io.testtrack.platform.fields.FieldDefinitionStore;
import io.testtrack.testcase.domain.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FieldDefinitionRepository implements FieldDefinitionStore<FieldDefinition> {
}
