package io.testtrack.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.OneTimeToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class OneTimeTokenRepository implements PanacheRepositoryBase<OneTimeToken, String> {

    /** Spends every open token of this purpose, so only the newest mail's link works. */
    public Uni<Integer> spendOpen(UUID userId, OneTimeToken.Purpose purpose, Instant now) {
        return update("usedAt = ?1 where userId = ?2 and purpose = ?3 and usedAt is null", now, userId, purpose);
    }
}
