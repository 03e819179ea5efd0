package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.testcase.domain.CaseContent;
import io.testtrack.testcase.domain.StepItem;
import io.testtrack.testcase.domain.Steps;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.domain.TestCaseVersion;
import io.testtrack.testcase.domain.WrittenCase;
import io.testtrack.testcase.repository.FieldDefinitionRepository;
import io.testtrack.testcase.repository.ProjectDirectory;
import io.testtrack.testcase.repository.SharedStepsRepository;
import io.testtrack.testcase.repository.SuiteRepository;
import io.testtrack.testcase.repository.VersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A case's history: every version, and putting an old one back as the newest. */
@ApplicationScoped
public class VersionService {

    private final CaseAccess cases;
    private final CaseWriter writer;
    private final VersionRepository versions;
    private final SuiteRepository suites;
    private final SharedStepsRepository shared;
    private final FieldDefinitionRepository fields;
    private final ProjectDirectory projects;

    public VersionService(CaseAccess cases, CaseWriter writer, VersionRepository versions, SuiteRepository suites,
            SharedStepsRepository shared, FieldDefinitionRepository fields, ProjectDirectory projects) {
        this.cases = cases;
        this.writer = writer;
        this.versions = versions;
        this.suites = suites;
        this.shared = shared;
        this.fields = fields;
        this.projects = projects;
    }

    public Uni<List<TestCaseVersion>> list(Principal principal, UUID caseId) {
        return Panache.withSession(() -> cases.find(principal, caseId, Permission.READ).chain(c -> versions.of(caseId)));
    }

    public Uni<TestCaseVersion> get(Principal principal, UUID caseId, int version) {
        return Panache.withSession(() -> cases.find(principal, caseId, Permission.READ)
                .chain(c -> versions.get(caseId, version))
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("The test case has no version " + version + ".")));
    }

    /**
     * Makes version {@code version}'s content the newest version. What has gone since is adapted:
     * a deleted suite puts the case at the root, a deleted shared group is inlined with the steps
     * it had then, a deleted custom field's value is dropped.
     */
    public Uni<WrittenCase> restore(Principal principal, UUID caseId, int version, Integer expectedVersion) {
        return Panache.withTransaction(() -> cases.lock(principal, caseId, Permission.WRITE_CASES)
                .call(testCase -> projects.writableKey(testCase.projectId))
                .chain(testCase -> {
                    TestCaseService.requireVersion(testCase, expectedVersion);
                    return versions.get(caseId, version)
                            .onItem().ifNull().failWith(() -> new ResourceNotFoundException("The test case has no version " + version + "."))
                            .chain(old -> adapt(testCase, old))
                            .chain(content -> writer.write(testCase, content, principal.actorId(), "Restored version " + version));
                }));
    }

    private Uni<CaseContent> adapt(TestCase testCase, TestCaseVersion old) {
        CaseContent content = old.content;
        Uni<UUID> suite = content.suiteId() == null ? Uni.createFrom().nullItem()
                : suites.inProject(testCase.projectId, content.suiteId()).map(s -> s == null ? null : s.id);
        Set<UUID> sharedIds = Steps.sharedIds(content.steps());
        return suite.chain(suiteId -> shared.stepsOf(testCase.projectId, sharedIds).chain(groups -> fields.ofProject(testCase.projectId)
                .map(definitions -> {
                    List<StepItem> steps = groups.keySet().containsAll(sharedIds) ? content.steps()
                            : old.steps.stream().map(s -> StepItem.own(s.action(), s.expectedResult(), s.testData())).toList();
                    Set<String> known = definitions.stream().map(d -> d.name).collect(Collectors.toSet());
                    Map<String, Object> values = new LinkedHashMap<>(content.customFields());
                    values.keySet().retainAll(known);
                    return new CaseContent(content.title(), content.description(), content.preconditions(), content.type(),
                            content.priority(), content.status(), content.tags(), content.estimateMinutes(), suiteId,
                            content.automationKey(), steps, values);
                })));
    }
}
