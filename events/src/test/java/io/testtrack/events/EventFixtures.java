package io.testtrack.events;

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
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.events.defect.DefectStatusChanged;
import io.testtrack.events.defect.Severity;
import io.testtrack.events.execution.AutomatedTestDiscovered;
import io.testtrack.events.execution.ExecutionStatus;
import io.testtrack.events.execution.ExecutionStatusChanged;
import io.testtrack.events.execution.ResultsImported;
import io.testtrack.events.execution.ExecutionAttachmentAdded;
import io.testtrack.events.execution.RetestExecutionCreated;
import io.testtrack.events.execution.RunCompleted;
import io.testtrack.events.execution.RunCreated;
import io.testtrack.events.execution.RunSource;
import io.testtrack.events.execution.StatusCounts;
import io.testtrack.events.execution.StepResultRecorded;
import io.testtrack.events.execution.StepStatus;
import io.testtrack.events.testcase.TestCaseCreated;
import io.testtrack.events.testcase.SuiteDeleted;
import io.testtrack.events.testcase.SuiteSaved;
import io.testtrack.events.testcase.TestCaseDeleted;
import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.events.testcase.TestCaseUpdated;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fully populated instance of every event, with fixed values, for round trips and samples. */
final class EventFixtures {

    static final UUID USER = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID ACTOR = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final UUID PROJECT = UUID.fromString("33333333-3333-4333-8333-333333333333");
    static final UUID CASE = UUID.fromString("44444444-4444-4444-8444-444444444444");
    static final UUID RUN = UUID.fromString("55555555-5555-4555-8555-555555555555");
    static final UUID EXECUTION = UUID.fromString("66666666-6666-4666-8666-666666666666");
    static final UUID DEFECT = UUID.fromString("77777777-7777-4777-8777-777777777777");
    static final UUID SUITE = UUID.fromString("88888888-8888-4888-8888-888888888888");
    static final UUID ADMIN_USER = UUID.fromString("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");

    private EventFixtures() {
    }

    static Map<Class<? extends DomainEvent>, DomainEvent> all() {
        Map<String, Object> customFields = new LinkedHashMap<>();
        customFields.put("component", "checkout");
        customFields.put("risk", 3);
        customFields.put("browsers", List.of("firefox", "chromium"));
        TestCaseSnapshot snapshot = new TestCaseSnapshot(CASE, PROJECT, "SHOP-42", 3, "Pay with a saved card",
                "The customer pays with a card stored in their profile.", "A customer with a saved card",
                "FUNCTIONAL", "HIGH", "READY", List.of("checkout", "payments"), SUITE,
                "com.shop.CheckoutTest#paysWithSavedCard",
                List.of(new TestCaseSnapshot.Step(1, "Open the basket", "The basket lists 2 items", null),
                        new TestCaseSnapshot.Step(2, "Pay with the saved card", "The order is confirmed", "card ****4242")),
                customFields, Instant.parse("2026-11-20T10:15:30.123Z"));

        Map<Class<? extends DomainEvent>, DomainEvent> events = new LinkedHashMap<>();
        put(events, new UserRegistered(USER, "ada@example.com", "Ada Lovelace", GlobalRole.TESTER));
        put(events, new UserRoleChanged(USER, GlobalRole.TESTER, GlobalRole.DEVELOPER, ACTOR));
        put(events, new UserDeactivated(USER, ACTOR));
        put(events, new UserReactivated(USER, ACTOR));
        put(events, new ProjectCreated(PROJECT, "SHOP", "Web shop", ACTOR));
        put(events, new ProjectArchived(PROJECT, ACTOR));
        put(events, new MemberAdded(PROJECT, USER, ProjectRole.TESTER, ACTOR));
        put(events, new MemberRoleChanged(PROJECT, USER, ProjectRole.TESTER, ProjectRole.LEAD, ACTOR));
        put(events, new MemberRemoved(PROJECT, USER, ACTOR));
        put(events, new TestCaseCreated(snapshot, ACTOR));
        put(events, new TestCaseUpdated(snapshot, 2, ACTOR));
        put(events, new TestCaseDeleted(CASE, PROJECT, "SHOP-42", "com.shop.CheckoutTest#paysWithSavedCard", ACTOR));
        put(events, new SuiteSaved(SUITE, PROJECT, null, "Checkout", ACTOR));
        put(events, new SuiteDeleted(SUITE, PROJECT, ACTOR));
        put(events, new RunCreated(RUN, PROJECT, "Nightly 2026-11-20", "staging", "1.4.0-rc.2", "1.4",
                RunSource.IMPORT, 1200, ACTOR));
        put(events, new RunCompleted(RUN, PROJECT, new StatusCounts(1200, 1150, 30, 5, 10, 0, 5)));
        put(events, new ExecutionStatusChanged(EXECUTION, RUN, PROJECT, CASE, "com.shop.CheckoutTest#paysWithSavedCard",
                ExecutionStatus.IN_PROGRESS, ExecutionStatus.FAILED, USER));
        put(events, new StepResultRecorded(EXECUTION, RUN, PROJECT, 2, StepStatus.FAIL, USER, CASE, "SHOP-42", 3,
                "Pay with a saved card", "Pay with the saved card", "The order is confirmed", "Error 500 on /checkout",
                "Only with a Visa card"));
        put(events, new ResultsImported(RUN, PROJECT, "1.4.0-rc.2", 1200, 1150, 20, 10, 20, 3));
        put(events, new AutomatedTestDiscovered(PROJECT, "com.shop.CartTest#emptiesCart", "com.shop.CartTest",
                "emptiesCart", RUN, EXECUTION));
        put(events, new DefectCreated(DEFECT, PROJECT, "SHOP-B-7", "Saved card declined", Severity.CRITICAL,
                DefectStatus.NEW, USER, null, EXECUTION, CASE));
        put(events, new DefectStatusChanged(DEFECT, PROJECT, DefectStatus.FIXED, DefectStatus.AWAITING_VERIFICATION,
                ACTOR, "Fixed in 1.4.0-rc.3"));
        put(events, new DefectAssigned(DEFECT, PROJECT, null, ACTOR, USER));
        put(events, new DefectCommented(DEFECT, PROJECT, UUID.fromString("99999999-9999-4999-8999-999999999999"),
                USER, "Still happens on Safari", List.of(ACTOR)));
        put(events, new DefectRetestRequested(DEFECT, PROJECT, "SHOP-B7", "Re-test SHOP-B7: Saved card declined", EXECUTION, CASE,
                3, USER, ACTOR));
        put(events, new RetestExecutionCreated(UUID.fromString("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"), RUN, PROJECT, DEFECT,
                EXECUTION));
        put(events, new ExecutionAttachmentAdded(UUID.fromString("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"), EXECUTION, RUN, PROJECT, 2,
                "declined.png", "image/png", 48_213, USER));
        put(events, new io.testtrack.events.audit.ParkedEventHandled("execution-service", "case-projection",
                "0b8f9a52-2d0c-4a44-9d0e-5f1c2a7e3b11", "testtrack.testcase.TestCaseCreated", "REPLAYED", ADMIN_USER,
                "admin@shop.example"));
        return events;
    }

    private static void put(Map<Class<? extends DomainEvent>, DomainEvent> events, DomainEvent event) {
        events.put(event.getClass(), event);
    }
}
