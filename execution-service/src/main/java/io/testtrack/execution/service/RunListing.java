package io.testtrack.execution.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.RunSource;
import io.testtrack.execution.domain.ComparedCase;
import io.testtrack.execution.domain.Execution;
import io.testtrack.execution.domain.Run;
import io.testtrack.execution.repository.ExecutionRepository;
import io.testtrack.execution.repository.RunQueries;
import io.testtrack.execution.repository.RunRepository;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Pages of runs (newest first) and of a run's executions (in order), with opaque keyset cursors; and comparisons. */
@ApplicationScoped
public class RunListing {

    public record Page<T>(List<T> items, String nextCursor) {
    }

    private final RunRepository runs;
    private final ExecutionRepository executions;
    private final RunService runService;
    private final RunQueries queries;
    private final ProjectAccess access;

    public RunListing(RunRepository runs, ExecutionRepository executions, RunService runService, RunQueries queries, ProjectAccess access) {
        this.runs = runs;
        this.executions = executions;
        this.runService = runService;
        this.queries = queries;
        this.access = access;
    }

    public Uni<Page<Run>> runs(Principal principal, UUID projectId, Set<Run.Status> statuses, Set<RunSource> origins, String environment,
            String cursor, int limit) {
        return access.require(principal, projectId, Permission.READ).chain(() -> Panache.withSession(() -> {
            StringBuilder query = new StringBuilder("projectId = :project");
            io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("project", projectId);
            if (!statuses.isEmpty()) {
                query.append(" and status in :statuses");
                params.and("statuses", List.copyOf(statuses));
            }
            if (!origins.isEmpty()) {
                query.append(" and origin in :origins");
                params.and("origins", List.copyOf(origins));
            }
            if (environment != null && !environment.isBlank()) {
                query.append(" and environment = :environment");
                params.and("environment", environment.trim());
            }
            if (cursor != null) {
                String[] parts = decode(cursor).split("\\|");
                try {
                    params.and("at", Instant.parse(parts[0])).and("id", UUID.fromString(parts[1]));
                } catch (RuntimeException e) {
                    throw new InvalidFieldsException("cursor", "is not a cursor this service handed out");
                }
                query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            }
            query.append(" order by createdAt desc, id desc");
            return runs.find(query.toString(), params).range(0, limit).list().map(list -> {
                List<Run> page = list.size() > limit ? list.subList(0, limit) : list;
                Run last = list.size() > limit ? page.get(page.size() - 1) : null;
                return new Page<>(page, last == null ? null : encode(last.createdAt + "|" + last.id));
            });
        }));
    }

    public Uni<Page<Execution>> executions(Principal principal, UUID runId, Set<ExecutionStatus> statuses, String cursor, int limit) {
        return Panache.withSession(() -> runService.find(principal, runId, Permission.READ).chain(run -> {
            int after = 0;
            if (cursor != null) {
                try {
                    after = Integer.parseInt(decode(cursor));
                } catch (NumberFormatException e) {
                    throw new InvalidFieldsException("cursor", "is not a cursor this service handed out");
                }
            }
            String query = "runId = ?1 and position > ?2" + (statuses.isEmpty() ? "" : " and status in ?3") + " order by position";
            var found = statuses.isEmpty() ? executions.find(query, runId, after) : executions.find(query, runId, after, List.copyOf(statuses));
            return found.range(0, limit).list().map(list -> {
                List<Execution> page = list.size() > limit ? list.subList(0, limit) : list;
                return new Page<>(page, list.size() > limit ? encode(Integer.toString(page.get(page.size() - 1).position)) : null);
            });
        }));
    }

    public Uni<List<ComparedCase>> compare(Principal principal, UUID a, UUID b) {
        return Panache.withSession(() -> runService.find(principal, a, Permission.READ).chain(runA -> runService.find(principal, b, Permission.READ)
                .invoke(runB -> {
                    if (!runA.projectId.equals(runB.projectId)) {
                        throw new InvalidFieldsException("b", "is a run of another project");
                    }
                })))
                .chain(() -> queries.compare(a, b));
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        try {
            return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException("cursor", "is not a cursor this service handed out");
        }
    }
}
