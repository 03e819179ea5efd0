package io.testtrack.defect.domain;

import io.testtrack.platform.fields.FieldDefinitionEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A custom field of a project's defects (see {@link FieldDefinitionEntity}). */
@Entity
@Table(name = "defect_field_definitions")
public class FieldDefinition extends FieldDefinitionEntity {
}
