package io.testtrack.testcase.domain;

import io.testtrack.platform.fields.FieldDefinitionEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A custom field of a project's cases (see {@link FieldDefinitionEntity}). */
@Entity
@Table(name = "field_definitions")
public class FieldDefinition extends FieldDefinitionEntity {
}
