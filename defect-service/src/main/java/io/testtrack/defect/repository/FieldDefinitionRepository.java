package io.testtrack.defect.repository;

import io.testtrack.defect.domain.FieldDefinition;
import io.testtrack.platform.fields.FieldDefinitionStore;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FieldDefinitionRepository implements FieldDefinitionStore<FieldDefinition> {
}
