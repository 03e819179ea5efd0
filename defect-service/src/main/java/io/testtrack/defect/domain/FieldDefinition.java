package io.testtrack.defect.domain;

import io.testtrack.platform.fields.CustomField;
import io.testtrack.platform.fields.FieldType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A custom field of a project's defects: its machine name, label, kind of value and, for selects, options. */
@Entity
@Table(name = "defect_field_definitions")
public class FieldDefinition {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(nullable = false)
    public String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public FieldType type;

    @Convert(converter = JsonText.Strings.class)
    @ColumnTransformer(read = "cast(options as text)", write = "cast(cast(? as text) as jsonb)")
    public List<String> options;

    public boolean required;

    public int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public long version;

    /** What the shared rules check a value against. */
    public CustomField rule() {
        return new CustomField(name, type, options, required);
    }
}
