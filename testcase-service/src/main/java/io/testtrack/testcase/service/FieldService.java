package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.fields.CustomFieldRules;
import io.testtrack.platform.fields.FieldType;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.FieldDefinition;
import io.testtrack.testcase.repository.FieldDefinitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Custom field definitions: members read them, a project LEAD defines, changes and removes them. */
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
        List<String> options;
        try {
            CustomFieldRules.checkName(definition.name());
            options = CustomFieldRules.options(definition.type(), definition.options());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return access.require(principal, projectId, Permission.MANAGE).chain(() -> Panache.withTransaction(() ->
                fields.ofProject(projectId).chain(existing -> {
                    if (existing.stream().anyMatch(f -> f.name.equals(definition.name()))) {
                        throw new ConflictException("The project has a field named " + definition.name() + " already.");
                    }
                    if (existing.size() >= CustomFieldRules.MAX_FIELDS) {
                        throw new ConflictException("A project has at most " + CustomFieldRules.MAX_FIELDS + " custom fields.");
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
                })));
    }

    /**
     * Changes label, options and whether a value is required; the name and type stay (cases hold
     * values under them). An option still used by a case cannot be removed.
     */
    public Uni<FieldDefinition> update(Principal principal, UUID id, String label, List<String> newOptions, boolean required,
            Long expectedVersion) {
        return Panache.withTransaction(() -> manageable(principal, id).chain(field -> {
            if (expectedVersion != null && expectedVersion != field.version) {
                throw new StaleVersionException("The field " + field.name, expectedVersion, field.version);
            }
            List<String> options = CustomFieldRules.options(field.type, newOptions);
            List<String> removed = field.options.stream().filter(o -> !options.contains(o)).toList();
            return optionsInUse(field, removed).map(used -> {
                if (!used.isEmpty()) {
                    throw new ConflictException("Options " + used + " are still used by test cases; change those cases first.");
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

    /** Refused while a live case holds a value of the field; counted in the deleting transaction. */
    public Uni<Void> delete(Principal principal, UUID id) {
        return Panache.withTransaction(() -> manageable(principal, id).chain(field -> Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT count(*) FROM test_cases "
                        + "WHERE project_id = :project AND deleted_at IS NULL AND jsonb_exists(custom_fields, :name)", Long.class)
                        .setParameter("project", field.projectId).setParameter("name", field.name).getSingleResult())
                .chain(used -> {
                    if (used > 0) {
                        throw new ConflictException(used + " test case(s) hold a value of " + field.name + "; clear it first.");
                    }
                    return fields.delete(field);
                })));
    }

    private Uni<FieldDefinition> manageable(Principal principal, UUID id) {
        return fields.findById(id).chain(field -> access.requireOn(principal, field, f -> f.projectId, Permission.MANAGE, "No such field."));
    }

    /** Of {@code removed}, the options live cases still hold; read in the caller's transaction. */
    @SuppressWarnings("unchecked")
    private Uni<List<String>> optionsInUse(FieldDefinition field, List<String> removed) {
        if (removed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT DISTINCT o FROM test_cases, "
                        + "jsonb_array_elements_text(CASE jsonb_typeof(custom_fields -> :name) WHEN 'array' THEN custom_fields -> :name "
                        + "ELSE jsonb_build_array(custom_fields -> :name) END) o "
                        + "WHERE project_id = :project AND deleted_at IS NULL AND jsonb_exists(custom_fields, :name) "
                        + "AND o = ANY(CAST(:removed AS text[]))", String.class)
                .setParameter("project", field.projectId).setParameter("name", field.name)
                .setParameter("removed", removed.toArray(String[]::new)).getResultList());
    }
}
