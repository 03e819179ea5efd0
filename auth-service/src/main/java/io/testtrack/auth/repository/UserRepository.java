package io.testtrack.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email.trim()).firstResult();
    }

    /** A page of users whose name or e-mail contains {@code query}, ordered by e-mail. */
    public Uni<List<User>> search(String query, int page, int size) {
        return matching(query).page(page, size).list();
    }

    public Uni<Long> countMatching(String query) {
        return matching(query).count();
    }

    private io.quarkus.hibernate.reactive.panache.PanacheQuery<User> matching(String query) {
        if (query == null || query.isBlank()) {
            return find("order by lower(email)");
        }
        String like = "%" + query.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("lower(email) like ?1 or lower(name) like ?1 order by lower(email)", like);
    }
}
