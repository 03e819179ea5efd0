package io.testtrack.execution.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.testtrack.execution.domain.Run;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<Run, UUID> {
}
