package io.testtrack.defect.domain;

import static io.testtrack.events.ProjectRole.DEVELOPER;
import static io.testtrack.events.ProjectRole.LEAD;
import static io.testtrack.events.ProjectRole.TESTER;
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

import io.testtrack.defect.domain.Workflow.Need;
import io.testtrack.events.ProjectRole;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.platform.error.AccessDeniedException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every status, target, role and assignment against the table of docs/architecture.md
 * ("Defects", Workflow), written out here again so that a change to either shows.
 */
class WorkflowTableTest {

    /** One row of the documented table; {@code assigneeOnly}: developers only on their own defects. */
    private record Row(DefectStatus from, DefectStatus to, Set<ProjectRole> who, boolean assigneeOnly, Set<Need> needs) {
    }

    private static final Set<ProjectRole> REPORTERS = Set.of(DEVELOPER, TESTER, LEAD);
    private static final Set<ProjectRole> VERIFIERS = Set.of(TESTER, LEAD);
    private static final Set<ProjectRole> FIXERS = Set.of(DEVELOPER, LEAD);

    private static final List<Row> DOCUMENTED = List.of(
            new Row(NEW, ASSIGNED, REPORTERS, false, Set.of(Need.ASSIGNEE)),
            new Row(ASSIGNED, IN_PROGRESS, FIXERS, true, Set.of()),
            new Row(IN_PROGRESS, FIXED, FIXERS, true, Set.of(Need.FIX)),
            new Row(FIXED, AWAITING_VERIFICATION, VERIFIERS, false, Set.of()),
            new Row(AWAITING_VERIFICATION, VERIFIED_FIXED, VERIFIERS, false, Set.of()),
            new Row(AWAITING_VERIFICATION, REOPENED, VERIFIERS, false, Set.of()),
            new Row(VERIFIED_FIXED, CLOSED, VERIFIERS, false, Set.of()),
            new Row(REOPENED, ASSIGNED, REPORTERS, false, Set.of()),
            new Row(CLOSED, REOPENED, VERIFIERS, false, Set.of()),
            new Row(NEW, CLOSED, VERIFIERS, false, Set.of(Need.RESOLUTION)),
            new Row(ASSIGNED, CLOSED, VERIFIERS, false, Set.of(Need.RESOLUTION)),
            new Row(IN_PROGRESS, CLOSED, VERIFIERS, false, Set.of(Need.RESOLUTION)),
            new Row(REOPENED, CLOSED, VERIFIERS, false, Set.of(Need.RESOLUTION)));

    private static boolean may(Row row, ProjectRole role, boolean isAssignee) {
        return row.who().contains(role) && (!row.assigneeOnly() || isAssignee || role == LEAD);
    }

    @Test
    void everyDocumentedMoveIsMadeByExactlyTheRolesTheTableNames() {
        int checked = 0;
        for (Row row : DOCUMENTED) {
            for (ProjectRole role : ProjectRole.values()) {
                for (boolean isAssignee : new boolean[] {false, true}) {
                    String what = row.from() + " -> " + row.to() + " by " + role + (isAssignee ? " (assignee)" : "");
                    if (may(row, role, isAssignee)) {
                        Workflow.Move move = Workflow.check(row.from(), row.to(), role, isAssignee);
                        assertEquals(row.needs(), move.needs(), what);
                    } else {
                        assertThrows(AccessDeniedException.class, () -> Workflow.check(row.from(), row.to(), role, isAssignee), what);
                    }
                    checked++;
                }
            }
        }
        assertEquals(DOCUMENTED.size() * ProjectRole.values().length * 2, checked);
    }

    @Test
    void everyMoveTheTableLacksIsAConflictNamingTheMovesAllowedNow() {
        for (DefectStatus from : DefectStatus.values()) {
            for (DefectStatus to : DefectStatus.values()) {
                if (DOCUMENTED.stream().anyMatch(r -> r.from() == from && r.to() == to)) {
                    continue;
                }
                for (ProjectRole role : ProjectRole.values()) {
                    for (boolean isAssignee : new boolean[] {false, true}) {
                        List<DefectStatus> allowed = DOCUMENTED.stream()
                                .filter(r -> r.from() == from && may(r, role, isAssignee)).map(Row::to).toList();
                        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                                () -> Workflow.check(from, to, role, isAssignee));
                        assertEquals(allowed, refused.extensions().get("allowed"), from + " -> " + to + " by " + role);
                        assertEquals(409, refused.status());
                    }
                }
            }
        }
    }

    @Test
    void theCodeHasNoMoveTheDocumentedTableLacks() {
        for (DefectStatus from : DefectStatus.values()) {
            List<DefectStatus> documented = DOCUMENTED.stream().filter(r -> r.from() == from).map(Row::to).toList();
            assertEquals(documented, Workflow.from(from).stream().map(Workflow.Move::to).toList(), "moves out of " + from);
            for (DefectStatus to : DefectStatus.values()) {
                assertEquals(documented.contains(to), Workflow.exists(from, to), from + " -> " + to);
            }
        }
        assertEquals(8, DefectStatus.values().length, "a new status needs its rows in the table");
    }
}
