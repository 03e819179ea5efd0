package io.testtrack.platform.fields;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.StaleVersionException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The use cases of a project's custom field definitions, for every service that has them:
 * members read them, a project LEAD defines, changes and removes them. A definition that rows
 * still use keeps its name and type, and keeps the options and the field those rows hold.
 * A service subclasses this with its repository, its entity and the table of its rows.
 */
public abstract class FieldDefinitionService<F extends FieldDefinitionEntity> {

    public record Definition(String name, String label, FieldType type, List<String> options, boolean required) {
    }

    private final FieldDefinitionStore<F> fields;
    private final ProjectAccess access;
    private final Supplier<F> blank;
    private final FieldHolders holders;

    protected FieldDefinitionService(FieldDefinitionStore<F> fields, ProjectAccess access, Supplier<F> blank, FieldHolders holders) {
        this.fields = fields;
        this.access = access;
        this.blank = blank;
        this.holders = holders;
    }

    public Uni<List<F>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ).chain(() -> Panache.withSession(() -> fields.ofProject(projectId)));
    }

    public Uni<F> create(Principal principal, UUID projectId, Definition definition) {
        return access.require(principal, projectId, Permission.MANAGE).chain(() -> {
            CustomFieldRules.checkName(definition.name());
            List<String> options = CustomFieldRules.options(definition.type(), definition.options());
            return Panache.withTransaction(() -> fields.ofProject(projectId).chain(existing -> {
                if (existing.stream().anyMatch(f -> f.name.equals(definition.name()))) {
                    throw new ConflictException("The project's " + holders.plural() + " have a field named " + definition.name()
                            + " already.");
                }
                if (existing.size() >= CustomFieldRules.MAX_FIELDS) {
                    throw new ConflictException("A project's " + holders.plural() + " have at most " + CustomFieldRules.MAX_FIELDS
                            + " custom fields.");
                }
                Instant now = Instant.now();
                F field = blank.get();
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

    /** Changes label, options and whether a value is required; the name and type stay (rows hold values under them). */
    public Uni<F> update(Principal principal, UUID id, String label, List<String> newOptions, boolean required, Long expectedVersion) {
        return Panache.withTransaction(() -> manageable(principal, id).chain(field -> {
            if (expectedVersion != null && expectedVersion != field.version) {
                throw new StaleVersionException("The field " + field.name, expectedVersion, field.version);
            }
            List<String> options = CustomFieldRules.options(field.type, newOptions);
            List<String> removed = field.options.stream().filter(o -> !options.contains(o)).toList();
            return optionsInUse(field, removed).map(used -> {
                if (!used.isEmpty()) {
                    throw new ConflictException("Options " + used + " are still held by the project's " + holders.plural()
                            + "; change those first.");
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

    /** Refused while a row holds a value of the field; counted in the deleting transaction. */
    public Uni<Void> delete(Principal principal, UUID id) {
        return Panache.withTransaction(() -> manageable(principal, id).chain(field -> Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT count(*) FROM " + holders.table() + holders.rowsOfTheField(), Long.class)
                        .setParameter("project", field.projectId).setParameter("name", field.name).getSingleResult())
                .chain(used -> {
                    if (used > 0) {
                        throw new ConflictException(used + " of the project's " + holders.plural() + " hold a value of " + field.name
                                + "; clear it first.");
                    }
                    return fields.delete(field);
                })));
    }

    private Uni<F> manageable(Principal principal, UUID id) {
        return fields.findById(id).chain(field -> access.requireOn(principal, field, f -> f.projectId, Permission.MANAGE, "No such field."));
    }

    /** Of {@code removed}, the options rows still hold; read in the caller's transaction. */
    private Uni<List<String>> optionsInUse(F field, List<String> removed) {
        if (removed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT DISTINCT o FROM " + holders.table() + ", "
                        + "jsonb_array_elements_text(CASE jsonb_typeof(custom_fields -> :name) WHEN 'array' THEN custom_fields -> :name "
                        + "ELSE jsonb_build_array(custom_fields -> :name) END) o" + holders.rowsOfTheField()
                        + " AND o = ANY(CAST(:removed AS text[]))", String.class)
                .setParameter("project", field.projectId).setParameter("name", field.name)
                .setParameter("removed", removed.toArray(String[]::new)).getResultList());
    }
}
