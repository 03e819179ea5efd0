package io.testtrack.testcase.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.testcase.domain.CaseContent;
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
import java.util.List;
import java.util.Map;

/**
 * Cases for automated tests that a CI import found: READY, keyed by the test's automation key,
 * in a root suite named after its class. Runs inside the consumer's transaction; a key that has
 * a live case already changes nothing, so the event may arrive any number of times.
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

    public Uni<Void> discovered(AutomatedTestDiscovered event) {
        String automationKey = event.automationKey();
        if (automationKey == null || automationKey.isBlank() || automationKey.length() > Limits.AUTOMATION_KEY) {
            Log.warnf("ignored a discovered test without a usable automation key in project %s", event.projectId());
            return Uni.createFrom().voidItem();
        }
        return cases.liveWithAutomationKey(event.projectId(), automationKey).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            // A project this service does not know (yet) or that is archived gets no case now; the
            // next import that reports the test announces it again. Waiting here would hold up
            // every event behind this one.
            return projects.writableKey(event.projectId())
                    .chain(projectKey -> create(event, projectKey))
                    .onFailure(e -> e instanceof ResourceNotFoundException || e instanceof ConflictException).recoverWithItem(e -> {
                        Log.warnf("no case for discovered test %s: %s", automationKey, e.getMessage());
                        return null;
                    });
        });
    }

    private Uni<Void> create(AutomatedTestDiscovered event, String projectKey) {
        String classname = event.classname() == null || event.classname().isBlank() ? "Automated tests" : event.classname();
        String suiteName = classname.length() > Suite.MAX_NAME ? classname.substring(classname.length() - Suite.MAX_NAME)
                : classname;
        String name = event.name() == null || event.name().isBlank() ? event.automationKey() : event.name();
        String title = name.length() > Limits.TITLE ? name.substring(0, Limits.TITLE) : name;
        return suites.ensurePath(event.projectId(), List.of(suiteName.replace('/', '.')), null)
                .chain(suiteId -> projects.reserveNumbers(event.projectId(), 1).chain(number -> writer.write(
                        TestCase.create(event.projectId(), number, projectKey, null, Instant.now()),
                        new CaseContent(title, "Discovered in a CI import of " + classname + ".", null, CaseType.FUNCTIONAL,
                                Priority.MEDIUM, CaseStatus.READY, List.of("automated"), null, suiteId, event.automationKey(),
                                List.of(), Map.of()),
                        null, "Created for an automated test discovered in a CI import")))
                .replaceWithVoid();
    }
}
