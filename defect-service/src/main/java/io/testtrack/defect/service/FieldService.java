package io.testtrack.defect.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.FieldDefinition;
import io.testtrack.defect.repository.FieldDefinitionRepository;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.fields.CustomFieldRules;
import io.testtrack.platform.fields.FieldType;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Custom field definitions of a project's defects: members read them, a project LEAD defines,
 * changes and removes them. Definitions and values follow the platform's {@link CustomFieldRules},
 * as test cases' do.
 */
@ApplicationScoped
public class FieldService {

    public record Definition(String name, String label, FieldType type, List<String> options, boolean required) {
    }

    private final FieldDefinitionRepository fields;
    private final ProjectAccess access;

    public FieldService(FieldDefinitionRepository fields, ProjectAccess access) {
        this.fields = fields;
        this.access = access;
    }

    public Uni<List<FieldDefinition>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ).chain(() -> Panache.withSession(() -> fields.ofProject(projectId)));
    }

    public Uni<FieldDefinition> create(Principal principal, UUID projectId, Definition definition) {
        return access.require(principal, projectId, Permission.MANAGE).chain(() -> {
            CustomFieldRules.checkName(definition.name());
            List<String> options = CustomFieldRules.options(definition.type(), definition.options());
            return Panache.withTransaction(() -> fields.ofProject(projectId).chain(existing -> {
                if (existing.stream().anyMatch(f -> f.name.equals(definition.name()))) {
                    throw new ConflictException("The project's defects have a field named " + definition.name() + " already.");
                }
                if (existing.size() >= CustomFieldRules.MAX_FIELDS) {
                    throw new ConflictException("A project's defects have at most " + CustomFieldRules.MAX_FIELDS + " custom fields.");
                }
                Instant now = Instant.now();
                FieldDefinition field = new FieldDefinition();
                field.id = UUID.randomUUID();
                field.projectId = projectId;
                field.name = definition.name();
                field.label = definition.label().trim();
                field.type = definition.type();
                field.options = options;
                field.required = definition.required();
                field.position = existing.size();
                field.createdAt = now;
                field.updatedAt = now;
                return fields.persist(field);
            }));
        });
    }

    /** Changes label, options and whether a value is required; the name and type stay (defects hold values under them). */
    public Uni<FieldDefinition> update(Principal principal, UUID id, String label, List<String> newOptions, boolean required,
            Long expectedVersion) {
        return Panache.withTransaction(() -> manageable(principal, id).chain(field -> {
            if (expectedVersion != null && expectedVersion != field.version) {
                throw new StaleVersionException("The field " + field.name, expectedVersion, field.version);
            }
            List<String> options = CustomFieldRules.options(field.type, newOptions);
            List<String> removed = field.options.stream().filter(o -> !options.contains(o)).toList();
            Uni<Long> holding = removed.isEmpty() ? Uni.createFrom().item(0L) : fields.defectsHolding(field, removed);
            return holding.map(used -> {
                if (used > 0) {
                    throw new ConflictException(used + " defect(s) hold an option of " + removed + "; change those defects first.");
                }
                field.label = label.trim();
                field.options = options;
                field.required = required;
                field.updatedAt = Instant.now();
                field.version++;
                return field;
            });
        }));
    }

    /** Refused while a defect holds a value of the field. */
    public Uni<Void> delete(Principal principal, UUID id) {
        return Panache.withTransaction(() -> manageable(principal, id).chain(field -> fields.defectsHolding(field, null).chain(used -> {
            if (used > 0) {
                throw new ConflictException(used + " defect(s) hold a value of " + field.name + "; clear it first.");
            }
            return fields.delete(field);
        })));
    }

    private Uni<FieldDefinition> manageable(Principal principal, UUID id) {
        return fields.findById(id).chain(field -> access.requireOn(principal, field, f -> f.projectId, Permission.MANAGE, "No such field."));
    }
}
