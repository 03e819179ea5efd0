package io.testtrack.defect.service;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.DefectLink;
import io.testtrack.defect.domain.HistoryEntry;
import io.testtrack.defect.domain.LinkKind;
import io.testtrack.defect.repository.DefectRepository;
import io.testtrack.defect.repository.HistoryRepository;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Links between two defects of one project: RELATED, or BLOCKS (this one blocks the target). A duplicate is a resolution, not a link. */
@ApplicationScoped
public class LinkService {

    private final DefectRepository defects;
    private final HistoryRepository history;
    private final DefectAccess defectAccess;
    private final Pool pool;

    public LinkService(DefectRepository defects, HistoryRepository history, DefectAccess defectAccess, Pool pool) {
        this.defects = defects;
        this.history = history;
        this.defectAccess = defectAccess;
        this.pool = pool;
    }

    public Uni<List<DefectLink>> list(Principal principal, UUID id) {
        return get(principal, id).chain(() -> pool.preparedQuery("SELECT l.defect_id, l.target_id, l.kind, d.key, true AS outgoing "
                        + "FROM defect_links l JOIN defects d ON d.id = l.target_id WHERE l.defect_id = $1 "
                        + "UNION ALL SELECT l.defect_id, l.target_id, l.kind, d.key, false FROM defect_links l "
                        + "JOIN defects d ON d.id = l.defect_id WHERE l.target_id = $1 ORDER BY 4")
                .execute(Tuple.of(id)).map(rows -> {
                    List<DefectLink> links = new ArrayList<>();
                    rows.forEach(r -> links.add(new DefectLink(r.getUUID("defect_id"), r.getUUID("target_id"), r.getString("key"),
                            LinkKind.valueOf(r.getString("kind")), r.getBoolean("outgoing"))));
                    return links;
                }));
    }

    public Uni<Void> link(Principal principal, UUID id, UUID targetId, LinkKind kind) {
        return Panache.withTransaction(() -> defectAccess.find(principal, id, Permission.REPORT_DEFECTS, true).chain(found -> {
            if (targetId.equals(id)) {
                throw new InvalidFieldsException("targetId", "a defect cannot be linked to itself");
            }
            return defects.findById(targetId).chain(target -> {
                if (target == null || !target.projectId.equals(found.defect().projectId)) {
                    throw new InvalidFieldsException("targetId", "is not another defect of this project");
                }
                return execute("INSERT INTO defect_links (defect_id, target_id, kind, created_by, created_at) "
                        + "VALUES (:defect, :target, :kind, :by, now()) ON CONFLICT DO NOTHING",
                        Map.of("defect", id, "target", targetId, "kind", kind.name(), "by", principal.actorId()))
                        .chain(() -> history.persist(HistoryEntry.of(id, principal.actorId(), null, Instant.now(), "link", null,
                                kind + " " + target.key)))
                        .replaceWithVoid();
            });
        }));
    }

    public Uni<Void> unlink(Principal principal, UUID id, UUID targetId, LinkKind kind) {
        return Panache.withTransaction(() -> defectAccess.find(principal, id, Permission.REPORT_DEFECTS, true)
                .chain(found -> defects.findById(targetId))
                .invoke(target -> {
                    if (target == null) {
                        throw new ResourceNotFoundException("No such link.");
                    }
                })
                .chain(target -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "DELETE FROM defect_links WHERE defect_id = :defect AND target_id = :target AND kind = :kind")
                        .setParameter("defect", id).setParameter("target", targetId).setParameter("kind", kind.name()).executeUpdate())
                        .chain(deleted -> {
                            if (deleted == 0) {
                                throw new ResourceNotFoundException("No such link.");
                            }
                            return history.persist(HistoryEntry.of(id, principal.actorId(), null, Instant.now(), "link",
                                    kind + " " + target.key, null));
                        }))
                .replaceWithVoid());
    }

    private Uni<Void> get(Principal principal, UUID id) {
        return Panache.withSession(() -> defectAccess.find(principal, id, Permission.READ, false)).replaceWithVoid();
    }
}
