package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.BulkAction;
import io.testtrack.testcase.domain.CaseContent;
import io.testtrack.testcase.domain.CaseStatus;
import io.testtrack.testcase.domain.Limits;
import io.testtrack.testcase.domain.Priority;
import io.testtrack.testcase.domain.WrittenCase;
import io.testtrack.testcase.repository.ProjectDirectory;
import io.testtrack.testcase.repository.TestCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One change to many cases of a project, all or nothing: every case is versioned and published
 * like a single edit. An id that is not a live case of the project fails the whole request.
 */
@ApplicationScoped
public class BulkService {

    /** What an UPDATE changes; null leaves a field as it is, {@code clearSuite} moves cases to the root. */
    public record Changes(UUID suiteId, boolean clearSuite, Priority priority, CaseStatus status, List<String> addTags,
            List<String> removeTags) {
    }

    private final TestCaseRepository cases;
    private final CaseWriter writer;
    private final ProjectAccess access;
    private final ProjectDirectory projects;

    public BulkService(TestCaseRepository cases, CaseWriter writer, ProjectAccess access, ProjectDirectory projects) {
        this.cases = cases;
        this.writer = writer;
        this.access = access;
        this.projects = projects;
    }

    /** Answers how many cases changed. */
    public Uni<Integer> apply(Principal principal, UUID projectId, List<UUID> ids, BulkAction action, Changes changes) {
        Set<UUID> unique = new LinkedHashSet<>(ids);
        if (unique.size() > Limits.BULK_IDS) {
            return Uni.createFrom().failure(new InvalidFieldsException("ids", "at most " + Limits.BULK_IDS + " ids at once"));
        }
        UUID by = principal.actorId();
        return access.require(principal, projectId, Permission.WRITE_CASES)
                .chain(() -> projects.writableKey(projectId))
                .chain(() -> Panache.withTransaction(() -> cases.lockAll(projectId, unique).chain(found -> {
                    boolean wantDeleted = action == BulkAction.RESTORE;
                    List<UUID> missing = new ArrayList<>(unique);
                    found.stream().filter(c -> c.isDeleted() == wantDeleted).forEach(c -> missing.remove(c.id));
                    if (!missing.isEmpty()) {
                        throw new ResourceNotFoundException("No " + (wantDeleted ? "deleted " : "") + "test cases "
                                + missing.stream().limit(10).map(UUID::toString).collect(Collectors.joining(", "))
                                + (missing.size() > 10 ? " …" : "") + " in this project.");
                    }
                    return CaseWriter.sequentially(found, testCase -> switch (action) {
                        case DELETE -> writer.deleted(testCase, by).replaceWith(true);
                        case RESTORE -> writer.restored(testCase, by).replaceWith(true);
                        case UPDATE -> writer.write(testCase, changed(testCase.content(), changes), by, "Bulk edit")
                                .map(WrittenCase::changed);
                    }).map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
                })));
    }

    private static CaseContent changed(CaseContent content, Changes changes) {
        CaseContent result = content;
        if (changes.clearSuite()) {
            result = result.withSuite(null);
        } else if (changes.suiteId() != null) {
            result = result.withSuite(changes.suiteId());
        }
        if (changes.priority() != null) {
            result = result.withPriority(changes.priority());
        }
        if (changes.status() != null) {
            result = result.withStatus(changes.status());
        }
        if (changes.addTags() != null || changes.removeTags() != null) {
            Set<String> tags = new LinkedHashSet<>(result.tags());
            if (changes.removeTags() != null) {
                changes.removeTags().forEach(tags::remove);
            }
            if (changes.addTags() != null) {
                tags.addAll(changes.addTags());
            }
            result = result.withTags(List.copyOf(tags));
        }
        return result;
    }
}
