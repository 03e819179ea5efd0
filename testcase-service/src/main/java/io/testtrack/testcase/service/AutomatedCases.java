package io.testtrack.testcase.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.testcase.domain.CaseContent;
import io.testtrack.testcase.domain.CaseRules;
import io.testtrack.testcase.domain.CaseStatus;
import io.testtrack.testcase.domain.CaseType;
import io.testtrack.testcase.domain.Limits;
import io.testtrack.testcase.domain.Priority;
import io.testtrack.testcase.domain.Suite;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.repository.ProjectDirectory;
import io.testtrack.testcase.repository.TestCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Cases for automated tests that a CI import found: READY, keyed by the test's automation key,
 * in a root suite named after its class. Runs inside the consumer's transaction; a key that has
 * a live case already changes nothing, so an event may arrive any number of times, and a test
 * reported twice in one batch gets one case.
 */
@ApplicationScoped
public class AutomatedCases {

    private final TestCaseRepository cases;
    private final SuiteService suites;
    private final CaseWriter writer;
    private final ProjectDirectory projects;

    public AutomatedCases(TestCaseRepository cases, SuiteService suites, CaseWriter writer, ProjectDirectory projects) {
        this.cases = cases;
        this.suites = suites;
        this.writer = writer;
        this.projects = projects;
    }

    /** Creates the cases of every test discovered here that no live case has the key of, project by project. */
    public Uni<Void> discovered(List<AutomatedTestDiscovered> events) {
        Map<UUID, Map<String, AutomatedTestDiscovered>> byProject = new LinkedHashMap<>();
        for (AutomatedTestDiscovered event : events) {
            String automationKey = event.automationKey();
            if (automationKey == null || automationKey.isBlank() || !CaseRules.isAutomationKey(automationKey)) {
                Log.warnf("ignored a discovered test without a usable automation key in project %s", event.projectId());
                continue;
            }
            byProject.computeIfAbsent(event.projectId(), p -> new LinkedHashMap<>()).putIfAbsent(automationKey, event);
        }
        return Multi.createFrom().iterable(byProject.entrySet())
                .onItem().transformToUniAndConcatenate(project -> inProject(project.getKey(), project.getValue()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> inProject(UUID projectId, Map<String, AutomatedTestDiscovered> tests) {
        // A project this service does not know (yet) or that is archived gets no cases now; the
        // next import that reports its tests announces them again. Waiting here would hold up
        // every event behind these.
        return projects.writableKey(projectId)
                .chain(projectKey -> cases.list("projectId = ?1 and automationKey in ?2 and deletedAt is null", projectId, tests.keySet())
                        .chain(existing -> {
                            Set<String> known = existing.stream().map(c -> c.automationKey).collect(Collectors.toSet());
                            List<AutomatedTestDiscovered> fresh = tests.values().stream()
                                    .filter(t -> !known.contains(t.automationKey())).toList();
                            return fresh.isEmpty() ? Uni.createFrom().voidItem() : create(projectId, projectKey, fresh);
                        }))
                .onFailure(e -> e instanceof ResourceNotFoundException || e instanceof ConflictException).recoverWithItem(e -> {
                    Log.warnf("no cases for %d discovered tests of project %s: %s", tests.size(), projectId, e.getMessage());
                    return null;
                });
    }

    private Uni<Void> create(UUID projectId, String projectKey, List<AutomatedTestDiscovered> fresh) {
        List<String> suiteNames = fresh.stream().map(AutomatedCases::suiteName).distinct().toList();
        Map<String, UUID> suiteIds = new HashMap<>();
        return CaseWriter.sequentially(suiteNames, name -> suites.ensurePath(projectId, List.of(name), null)
                        .invoke(id -> suiteIds.put(name, id)))
                .chain(() -> projects.reserveNumbers(projectId, fresh.size()))
                .chain(first -> {
                    Instant now = Instant.now();
                    List<CaseWriter.Creation> creations = new ArrayList<>(fresh.size());
                    for (int i = 0; i < fresh.size(); i++) {
                        AutomatedTestDiscovered test = fresh.get(i);
                        creations.add(new CaseWriter.Creation(TestCase.create(projectId, first + i, projectKey, null, now),
                                content(test, suiteIds.get(suiteName(test)))));
                    }
                    return writer.createAll(creations, Map.of(), null, "Created for an automated test discovered in a CI import");
                });
    }

    private static String classname(AutomatedTestDiscovered test) {
        return test.classname() == null || test.classname().isBlank() ? "Automated tests" : test.classname();
    }

    /** The root suite of the test's class: its name's last characters if too long, and no '/', which separates a path. */
    private static String suiteName(AutomatedTestDiscovered test) {
        String classname = classname(test);
        String name = classname.length() > Suite.MAX_NAME ? classname.substring(classname.length() - Suite.MAX_NAME) : classname;
        return name.replace('/', '.');
    }

    private static CaseContent content(AutomatedTestDiscovered test, UUID suiteId) {
        String name = test.name() == null || test.name().isBlank() ? test.automationKey() : test.name();
        String title = name.length() > Limits.TITLE ? name.substring(0, Limits.TITLE) : name;
        return new CaseContent(title, "Discovered in a CI import of " + classname(test) + ".", null, CaseType.FUNCTIONAL, Priority.MEDIUM,
                CaseStatus.READY, List.of("automated"), null, suiteId, test.automationKey(), List.of(), Map.of());
    }
}
