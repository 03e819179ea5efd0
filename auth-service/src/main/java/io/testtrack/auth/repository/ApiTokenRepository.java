package io.testtrack.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

    public Uni<ApiToken> findBySecretHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    public Uni<List<ApiToken>> ofProject(UUID projectId) {
        return find("projectId = ?1 order by createdAt desc", projectId).list();
    }

    public Uni<Integer> revokeCreatedBy(UUID userId, Instant now) {
        return update("revokedAt = ?1 where createdBy = ?2 and revokedAt is null", now, userId);
    }
}
