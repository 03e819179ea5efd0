package io.testtrack.defect.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.Comment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommentRepository implements PanacheRepositoryBase<Comment, UUID> {

    public Uni<List<Comment>> of(UUID defectId) {
        return list("defectId = ?1 order by createdAt, id", defectId);
    }
}
