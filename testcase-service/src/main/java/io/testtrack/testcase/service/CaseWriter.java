package io.testtrack.testcase.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.TestCaseDeleted;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.events.testcase.TestCaseUpdated;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.fields.CustomFieldRules;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.testcase.domain.CaseContent;
import io.testtrack.testcase.domain.FieldDefinition;
import io.testtrack.testcase.domain.StepItem;
import io.testtrack.testcase.domain.Steps;
import io.testtrack.testcase.domain.Tags;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.domain.TestCaseVersion;
import io.testtrack.testcase.domain.WrittenCase;
import io.testtrack.testcase.repository.FieldDefinitionRepository;
import io.testtrack.testcase.repository.SharedStepsRepository;
import io.testtrack.testcase.repository.SuiteRepository;
import io.testtrack.testcase.repository.TestCaseRepository;
import io.testtrack.testcase.repository.VersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one path every change of a case takes, inside the caller's transaction: check the content
 * against the project (suite, custom fields, shared steps, automation key), count a version,
 * record it, and publish the full snapshot through the outbox.
 */
@ApplicationScoped
public class CaseWriter {

    private final TestCaseRepository cases;
    private final SuiteRepository suites;
    private final FieldDefinitionRepository fields;
    private final SharedStepsRepository shared;
    private final VersionRepository versions;
    private final Outbox outbox;

    private final SearchTotals totals;

    public CaseWriter(TestCaseRepository cases, SuiteRepository suites, FieldDefinitionRepository fields,
            SharedStepsRepository shared, VersionRepository versions, Outbox outbox, SearchTotals totals) {
        this.totals = totals;
        this.cases = cases;
        this.suites = suites;
        this.fields = fields;
        this.shared = shared;
        this.versions = versions;
        this.outbox = outbox;
    }

    /** Writes {@code content} as the case's next version (its first for a new case); no change, no version. */
    public Uni<WrittenCase> write(TestCase testCase, CaseContent content, UUID by, String summary) {
        return check(testCase.projectId, content)
                .call(checked -> uniqueAutomationKey(testCase, checked.automationKey()))
                .chain(checked -> shared.stepsOf(testCase.projectId, Steps.sharedIds(checked.steps()))
                        .chain(groups -> writeChecked(testCase, checked, groups, by, summary)));
    }

    /**
     * Writes content that {@link #check} (or a bulk equivalent, such as the CSV import's) has
     * passed, with the shared groups it includes already loaded.
     */
    public Uni<WrittenCase> writeChecked(TestCase testCase, CaseContent checked, Map<UUID, List<StepItem>> groups, UUID by,
            String summary) {
        boolean created = testCase.version == 0;
        List<TestCaseSnapshot.Step> steps = Steps.expand(checked.steps(), groups);
        if (!created && checked.changesFrom(testCase.content()).isEmpty()) {
            return Uni.createFrom().item(new WrittenCase(testCase, steps, false));
        }
        int previous = testCase.version;
        List<String> changes = testCase.apply(checked, Steps.text(steps), by, Instant.now());
        return record(testCase, steps, changes, summary, created, previous, by);
    }

    /** A new case and the content, already checked, that becomes its first version. */
    public record Creation(TestCase testCase, CaseContent content) {
    }

    /**
     * Creates many cases at once (a CSV import's new rows), the content checked as for
     * {@link #writeChecked}: the cases, their first versions and their TestCaseCreated events,
     * each with one statement per thousand rather than one per case.
     */
    public Uni<Void> createAll(List<Creation> creations, Map<UUID, List<StepItem>> groups, UUID by, String summary) {
        if (creations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        List<TestCase> created = new ArrayList<>(creations.size());
        List<TestCaseVersion> firstVersions = new ArrayList<>(creations.size());
        List<TestCaseCreated> events = new ArrayList<>(creations.size());
        for (Creation creation : creations) {
            TestCase testCase = creation.testCase();
            List<TestCaseSnapshot.Step> steps = Steps.expand(creation.content().steps(), groups);
            List<String> changes = testCase.apply(creation.content(), Steps.text(steps), by, now);
            created.add(testCase);
            firstVersions.add(TestCaseVersion.of(testCase, steps, changes, summary));
            events.add(new TestCaseCreated(snapshot(testCase, steps), by));
            totals.touched(testCase.projectId);
        }
        return cases.insertAll(created).chain(() -> versions.insertAll(firstVersions)).chain(() -> outbox.recordAll(events));
    }

    /** A shared group the case includes was edited: same content, new steps, so a new version. */
    public Uni<WrittenCase> sharedStepsEdited(TestCase testCase, UUID by, String summary) {
        return expand(testCase).chain(steps -> {
            int previous = testCase.version;
            testCase.apply(testCase.content(), Steps.text(steps), by, Instant.now());
            return record(testCase, steps, List.of("steps"), summary, false, previous, by);
        });
    }

    /** A case back from the trash: a version that says so, and a snapshot that consumers upsert again. */
    public Uni<WrittenCase> restored(TestCase testCase, UUID by) {
        return uniqueAutomationKey(testCase, testCase.automationKey).chain(() -> expand(testCase)).chain(steps -> {
            int previous = testCase.version;
            testCase.deletedAt = null;
            testCase.deletedBy = null;
            testCase.apply(testCase.content(), Steps.text(steps), by, Instant.now());
            return record(testCase, steps, List.of(), "Restored from the trash", false, previous, by);
        });
    }

    public Uni<Void> deleted(TestCase testCase, UUID by) {
        testCase.deletedAt = Instant.now();
        testCase.deletedBy = by;
        totals.touched(testCase.projectId);
        return outbox.record(new TestCaseDeleted(testCase.id, testCase.projectId, testCase.key, testCase.automationKey, by))
                .replaceWithVoid();
    }

    public Uni<List<TestCaseSnapshot.Step>> expand(TestCase testCase) {
        return shared.stepsOf(testCase.projectId, Steps.sharedIds(testCase.steps))
                .map(groups -> Steps.expand(testCase.steps, groups));
    }

    /**
     * The content as it will be stored, or every rule it breaks: the suite and the shared steps
     * must be the project's, the custom fields its definitions'.
     */
    public Uni<CaseContent> check(UUID projectId, CaseContent content) {
        Uni<Void> suite = content.suiteId() == null ? Uni.createFrom().voidItem()
                : suites.inProject(projectId, content.suiteId()).invoke(found -> {
                    if (found == null) {
                        throw new InvalidFieldsException("suiteId", "is not a suite of this project");
                    }
                }).replaceWithVoid();
        Set<UUID> sharedIds = Steps.sharedIds(content.steps());
        Uni<Void> groups = sharedIds.isEmpty() ? Uni.createFrom().voidItem()
                : shared.stepsOf(projectId, sharedIds).invoke(found -> {
                    List<UUID> missing = new ArrayList<>(sharedIds);
                    missing.removeAll(found.keySet());
                    if (!missing.isEmpty()) {
                        throw new InvalidFieldsException("steps", "no shared steps " + missing + " in this project");
                    }
                }).replaceWithVoid();
        return suite.chain(() -> groups).chain(() -> fields.ofProject(projectId))
                .map(definitions -> {
                    Map<String, Object> values = CustomFieldRules.validate(FieldDefinition.rules(definitions), content.customFields());
                    return new CaseContent(content.title(), content.description(), content.preconditions(), content.type(),
                            content.priority(), content.status(), Tags.normalize(content.tags()), content.estimateMinutes(), content.suiteId(),
                            content.automationKey(), content.steps(), values);
                });
    }

    /** Runs {@code step} for each item, one after the other (a session runs one statement at a time), collecting the results. */
    public static <T, R> Uni<List<R>> sequentially(List<T> items, java.util.function.Function<T, Uni<R>> step) {
        return io.smallrye.mutiny.Multi.createFrom().iterable(items)
                .onItem().<R>transformToUniAndConcatenate(step::apply)
                .collect().asList();
    }

    public static TestCaseSnapshot snapshot(TestCase c, List<TestCaseSnapshot.Step> steps) {
        return new TestCaseSnapshot(c.id, c.projectId, c.key, c.version, c.title, c.description, c.preconditions, c.type.name(),
                c.priority.name(), c.status.name(), c.tags, c.suiteId, c.automationKey, steps, c.customFields, c.updatedAt);
    }

    private Uni<WrittenCase> record(TestCase testCase, List<TestCaseSnapshot.Step> steps, List<String> changes, String summary,
            boolean created, int previous, UUID by) {
        totals.touched(testCase.projectId);
        Uni<TestCase> stored = created ? cases.persist(testCase) : Uni.createFrom().item(testCase);
        TestCaseSnapshot snapshot = snapshot(testCase, steps);
        return stored
                .chain(() -> versions.persist(TestCaseVersion.of(testCase, steps, changes, summary)))
                .chain(() -> outbox.record(created ? new TestCaseCreated(snapshot, by) : new TestCaseUpdated(snapshot, previous, by)))
                .replaceWith(new WrittenCase(testCase, steps, true));
    }

    private Uni<Void> uniqueAutomationKey(TestCase testCase, String automationKey) {
        if (automationKey == null) {
            return Uni.createFrom().voidItem();
        }
        return cases.liveWithAutomationKey(testCase.projectId, automationKey).invoke(other -> {
            if (other != null && !other.id.equals(testCase.id)) {
                throw new ConflictException("The automation key " + automationKey + " belongs to " + other.key + " already.");
            }
        }).replaceWithVoid();
    }
}
