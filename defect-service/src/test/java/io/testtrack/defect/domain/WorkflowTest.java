package io.testtrack.defect.domain;

import static io.testtrack.events.defect.DefectStatus.ASSIGNED;
import static io.testtrack.events.defect.DefectStatus.AWAITING_VERIFICATION;
import static io.testtrack.events.defect.DefectStatus.CLOSED;
import static io.testtrack.events.defect.DefectStatus.FIXED;
import static io.testtrack.events.defect.DefectStatus.IN_PROGRESS;
import static io.testtrack.events.defect.DefectStatus.NEW;
import static io.testtrack.events.defect.DefectStatus.REOPENED;
import static io.testtrack.events.defect.DefectStatus.VERIFIED_FIXED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.testtrack.events.ProjectRole;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.platform.error.AccessDeniedException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowTest {

    @Test
    void theHappyPathIsMadeByTheRolesTheDesignNames() {
        assertEquals(ASSIGNED, Workflow.check(NEW, ASSIGNED, ProjectRole.TESTER, false).to());
        assertEquals(IN_PROGRESS, Workflow.check(ASSIGNED, IN_PROGRESS, ProjectRole.DEVELOPER, true).to());
        assertEquals(Set.of(Workflow.Need.FIX), Workflow.check(IN_PROGRESS, FIXED, ProjectRole.DEVELOPER, true).needs());
        assertEquals(AWAITING_VERIFICATION, Workflow.check(FIXED, AWAITING_VERIFICATION, ProjectRole.TESTER, false).to());
        assertEquals(VERIFIED_FIXED, Workflow.check(AWAITING_VERIFICATION, VERIFIED_FIXED, ProjectRole.TESTER, false).to());
        assertEquals(CLOSED, Workflow.check(VERIFIED_FIXED, CLOSED, ProjectRole.TESTER, false).to());
        assertEquals(REOPENED, Workflow.check(AWAITING_VERIFICATION, REOPENED, ProjectRole.TESTER, false).to());
        assertEquals(ASSIGNED, Workflow.check(REOPENED, ASSIGNED, ProjectRole.TESTER, false).to());
    }

    @Test
    void developersStartAndFixOnlyWhatIsAssignedToThem() {
        assertThrows(AccessDeniedException.class, () -> Workflow.check(ASSIGNED, IN_PROGRESS, ProjectRole.DEVELOPER, false));
        assertThrows(AccessDeniedException.class, () -> Workflow.check(IN_PROGRESS, FIXED, ProjectRole.DEVELOPER, false));
        assertThrows(AccessDeniedException.class, () -> Workflow.check(IN_PROGRESS, FIXED, ProjectRole.TESTER, true));
    }

    @Test
    void onlyTestersAndLeadsVerifyReopenAndClose() {
        assertThrows(AccessDeniedException.class, () -> Workflow.check(AWAITING_VERIFICATION, VERIFIED_FIXED, ProjectRole.DEVELOPER, true));
        assertThrows(AccessDeniedException.class, () -> Workflow.check(AWAITING_VERIFICATION, REOPENED, ProjectRole.DEVELOPER, true));
        assertThrows(AccessDeniedException.class, () -> Workflow.check(NEW, CLOSED, ProjectRole.DEVELOPER, false));
        assertThrows(AccessDeniedException.class, () -> Workflow.check(NEW, ASSIGNED, ProjectRole.VIEWER, false));
    }

    @Test
    void aLeadMayMakeEveryMoveOfTheTable() {
        for (DefectStatus from : DefectStatus.values()) {
            for (Workflow.Move move : Workflow.from(from)) {
                assertEquals(move, Workflow.check(from, move.to(), ProjectRole.LEAD, false));
            }
        }
    }

    @Test
    void anIllegalMoveNamesTheMovesTheCallerMayMakeNow() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> Workflow.check(NEW, VERIFIED_FIXED, ProjectRole.TESTER, false));
        assertEquals(List.of(ASSIGNED, CLOSED), e.extensions().get("allowed"));
        assertTrue(e.getMessage().contains("[ASSIGNED, CLOSED]"), e.getMessage());
        assertEquals(409, e.status());

        IllegalTransitionException dev = assertThrows(IllegalTransitionException.class,
                () -> Workflow.check(NEW, FIXED, ProjectRole.DEVELOPER, false));
        assertEquals(List.of(ASSIGNED), dev.extensions().get("allowed"));
    }

    @Test
    void closingWithoutAFixNeedsAResolutionAndIsOpenFromEveryUnfixedState() {
        for (DefectStatus from : List.of(NEW, ASSIGNED, IN_PROGRESS, REOPENED)) {
            assertEquals(Set.of(Workflow.Need.RESOLUTION), Workflow.check(from, CLOSED, ProjectRole.TESTER, false).needs());
        }
        assertEquals(Set.of(), Workflow.check(VERIFIED_FIXED, CLOSED, ProjectRole.TESTER, false).needs());
        assertThrows(IllegalTransitionException.class, () -> Workflow.check(FIXED, CLOSED, ProjectRole.LEAD, false));
    }

    @Test
    void theAllowedMovesDependOnRoleAndAssignment() {
        assertEquals(List.of(IN_PROGRESS), Workflow.allowed(ASSIGNED, ProjectRole.DEVELOPER, true).stream().map(Workflow.Move::to).toList());
        assertEquals(List.of(), Workflow.allowed(ASSIGNED, ProjectRole.DEVELOPER, false));
        assertEquals(List.of(), Workflow.allowed(AWAITING_VERIFICATION, ProjectRole.VIEWER, false));
        assertEquals(List.of(VERIFIED_FIXED, REOPENED),
                Workflow.allowed(AWAITING_VERIFICATION, ProjectRole.TESTER, false).stream().map(Workflow.Move::to).toList());
    }
}
