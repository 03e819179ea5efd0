package io.testtrack.events;

import io.testtrack.events.audit.ParkedEventHandled;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.MemberRemoved;
import io.testtrack.events.access.MemberRoleChanged;
import io.testtrack.events.access.ProjectArchived;
import io.testtrack.events.access.ProjectCreated;
import io.testtrack.events.access.UserDeactivated;
import io.testtrack.events.access.UserReactivated;
import io.testtrack.events.access.UserRegistered;
import io.testtrack.events.access.UserRoleChanged;
import io.testtrack.events.defect.DefectAssigned;
import io.testtrack.events.defect.DefectCommented;
import io.testtrack.events.defect.DefectCreated;
import io.testtrack.events.defect.DefectRetestRequested;
import io.testtrack.events.defect.DefectStatusChanged;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.events.execution.ExecutionAttachmentAdded;
import io.testtrack.events.execution.ExecutionStatusChanged;
import io.testtrack.events.execution.ResultsImported;
import io.testtrack.events.execution.RetestExecutionCreated;
import io.testtrack.events.execution.RunCompleted;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.testcase.SuiteDeleted;
import io.testtrack.events.testcase.SuiteSaved;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.TestCaseDeleted;
import io.testtrack.events.testcase.TestCaseUpdated;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event the platform knows, by CloudEvents type. */
public final class EventCatalog {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            UserRegistered.class, UserRoleChanged.class, UserDeactivated.class, UserReactivated.class,
            ProjectCreated.class, ProjectArchived.class,
            MemberAdded.class, MemberRoleChanged.class, MemberRemoved.class,
            TestCaseCreated.class, TestCaseUpdated.class, TestCaseDeleted.class, SuiteSaved.class, SuiteDeleted.class,
            RunCreated.class, RunCompleted.class, ExecutionStatusChanged.class, StepResultRecorded.class,
            ResultsImported.class, AutomatedTestDiscovered.class, RetestExecutionCreated.class, ExecutionAttachmentAdded.class,
            DefectCreated.class, DefectStatusChanged.class, DefectAssigned.class, DefectCommented.class,
            DefectRetestRequested.class, ParkedEventHandled.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(c -> describe(c).value(), Function.identity()));

    private EventCatalog() {
    }

    public static Optional<Class<? extends DomainEvent>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventType describe(Class<? extends DomainEvent> eventClass) {
        EventType annotation = eventClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType");
        }
        return annotation;
    }
}
