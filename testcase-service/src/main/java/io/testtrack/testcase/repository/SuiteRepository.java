package io.testtrack.testcase.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.testcase.domain.Suite;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SuiteRepository implements PanacheRepositoryBase<Suite, UUID> {

    private static final String SUBTREE = "WITH RECURSIVE tree AS (SELECT id FROM suites WHERE id = :root "
            + "UNION ALL SELECT s.id FROM suites s JOIN tree t ON s.parent_id = t.id) SELECT CAST(id AS text) FROM tree";

    public Uni<List<Suite>> ofProject(UUID projectId) {
        return list("projectId = ?1 order by position, lower(name)", projectId);
    }

    public Uni<Suite> inProject(UUID projectId, UUID suiteId) {
        return find("projectId = ?1 and id = ?2", projectId, suiteId).firstResult();
    }

    public Uni<Suite> named(UUID projectId, UUID parentId, String name) {
        return parentId == null
                ? find("projectId = ?1 and parentId is null and lower(name) = lower(?2)", projectId, name).firstResult()
                : find("projectId = ?1 and parentId = ?2 and lower(name) = lower(?3)", projectId, parentId, name).firstResult();
    }

    public Uni<Long> children(UUID projectId, UUID parentId) {
        return parentId == null ? count("projectId = ?1 and parentId is null", projectId)
                : count("projectId = ?1 and parentId = ?2", projectId, parentId);
    }

    /** The suite and every suite below it. */
    @SuppressWarnings("unchecked")
    public Uni<List<UUID>> subtree(UUID root) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SUBTREE, String.class)
                        .setParameter("root", root).getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    /** Numbers the siblings 0..n-1 in their current order, closing the gap a move or delete leaves. */
    public Uni<Integer> renumber(UUID projectId, UUID parentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE suites s SET position = r.n - 1 FROM (SELECT id, row_number() OVER (ORDER BY position, lower(name)) n "
                                + "FROM suites WHERE project_id = :project AND parent_id IS NOT DISTINCT FROM CAST(:parent AS uuid)) r "
                                + "WHERE s.id = r.id AND s.position <> r.n - 1")
                .setParameter("project", projectId)
                .setParameter("parent", parentId == null ? null : parentId.toString())
                .executeUpdate());
    }

    /** Makes room at {@code position} among the siblings. */
    public Uni<Integer> shiftFrom(UUID projectId, UUID parentId, int position) {
        return parentId == null
                ? update("position = position + 1 where projectId = ?1 and parentId is null and position >= ?2", projectId, position)
                : update("position = position + 1 where projectId = ?1 and parentId = ?2 and position >= ?3", projectId, parentId,
                        position);
    }
}
