package io.testtrack.platform.fields;

import io.testtrack.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The columns of a custom field's definition: its machine name, label, kind of value and, for
 * selects, options. Each service that has custom fields maps its own table onto these columns
 * with an {@code @Entity} subclass.
 */
@MappedSuperclass
public abstract class FieldDefinitionEntity {

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

    @Convert(converter = JsonColumn.Strings.class)
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

    public static List<CustomField> rules(List<? extends FieldDefinitionEntity> definitions) {
        return definitions.stream().map(FieldDefinitionEntity::rule).toList();
    }
}
