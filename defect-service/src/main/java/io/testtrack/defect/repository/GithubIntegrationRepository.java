package io.testtrack.defect.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.GithubIntegration;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GithubIntegrationRepository implements PanacheRepositoryBase<GithubIntegration, UUID> {

    public Uni<List<GithubIntegration>> ofProject(UUID projectId) {
        return list("projectId = ?1 order by repository", projectId);
    }

    /** Records a delivery; false when it was recorded before (a replay). In the caller's transaction. */
    public Uni<Boolean> firstDelivery(UUID integrationId, String deliveryId) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO github_deliveries (integration_id, delivery_id) "
                        + "VALUES (:integration, :delivery) ON CONFLICT DO NOTHING")
                .setParameter("integration", integrationId).setParameter("delivery", deliveryId).executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
