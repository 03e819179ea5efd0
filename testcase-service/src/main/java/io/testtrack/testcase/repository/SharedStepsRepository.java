package io.testtrack.testcase.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.testtrack.testcase.domain.SharedSteps;
import io.testtrack.testcase.domain.StepItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class SharedStepsRepository implements PanacheRepositoryBase<SharedSteps, UUID> {

    public Uni<List<SharedSteps>> ofProject(UUID projectId) {
        return list("projectId = ?1 order by lower(name)", projectId);
    }

    /** The steps of each named group of the project; ids of other projects are simply absent. */
    public Uni<Map<UUID, List<StepItem>>> stepsOf(UUID projectId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("projectId = ?1 and id in ?2", projectId, ids)
                .map(groups -> groups.stream().collect(Collectors.toMap(g -> g.id, g -> g.steps)));
    }
}
