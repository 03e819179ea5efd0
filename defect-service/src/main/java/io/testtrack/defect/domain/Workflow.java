package io.testtrack.defect.domain;

import static io.testtrack.events.defect.DefectStatus.ASSIGNED;
import static io.testtrack.events.defect.DefectStatus.AWAITING_VERIFICATION;
import static io.testtrack.events.defect.DefectStatus.CLOSED;
import static io.testtrack.events.defect.DefectStatus.FIXED;
import static io.testtrack.events.defect.DefectStatus.IN_PROGRESS;
import static io.testtrack.events.defect.DefectStatus.NEW;
import static io.testtrack.events.defect.DefectStatus.REOPENED;
import static io.testtrack.events.defect.DefectStatus.VERIFIED_FIXED;

import io.testtrack.events.ProjectRole;
import io.testtrack.events.defect.DefectStatus;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.security.Permission;
import java.util.List;
import java.util.Set;

/**
 * The defect workflow: every move there is, who may make it, and what it needs. Reporters (any
 * role that files defects) assign; developers start and fix what is assigned to them; testers
 * verify, reopen and close; a LEAD (an admin counts as one) may make every move.
 */
public final class Workflow {

    /** What a move needs in its request. */
    public enum Need {
        /** A developer or lead of the project to work on it. */
        ASSIGNEE,
        /** A fix note: root cause, summary, commit or PR link. */
        FIX,
        /** Why it closes without a fix: DUPLICATE (of another defect of the project), CANNOT_REPRODUCE, WONT_FIX, DEFERRED. */
        RESOLUTION
    }

    /** One allowed move; {@code assigneeOnly}: only the defect's assignee (or a LEAD) may make it. */
    public record Move(DefectStatus from, DefectStatus to, Permission permission, boolean assigneeOnly, Set<Need> needs) {

        public boolean mayBeMadeBy(ProjectRole role, boolean isAssignee) {
            return permission.grantedTo(role) && (!assigneeOnly || isAssignee || role == ProjectRole.LEAD);
        }
    }

    /** The resolutions a defect may be closed with without a fix. */
    public static final Set<Resolution> WITHOUT_FIX =
            Set.of(Resolution.DUPLICATE, Resolution.CANNOT_REPRODUCE, Resolution.WONT_FIX, Resolution.DEFERRED);

    private static final List<Move> MOVES = List.of(
            new Move(NEW, ASSIGNED, Permission.REPORT_DEFECTS, false, Set.of(Need.ASSIGNEE)),
            new Move(ASSIGNED, IN_PROGRESS, Permission.FIX_DEFECTS, true, Set.of()),
            new Move(IN_PROGRESS, FIXED, Permission.FIX_DEFECTS, true, Set.of(Need.FIX)),
            new Move(FIXED, AWAITING_VERIFICATION, Permission.VERIFY_DEFECTS, false, Set.of()),
            new Move(AWAITING_VERIFICATION, VERIFIED_FIXED, Permission.VERIFY_DEFECTS, false, Set.of()),
            new Move(AWAITING_VERIFICATION, REOPENED, Permission.VERIFY_DEFECTS, false, Set.of()),
            new Move(VERIFIED_FIXED, CLOSED, Permission.VERIFY_DEFECTS, false, Set.of()),
            new Move(REOPENED, ASSIGNED, Permission.REPORT_DEFECTS, false, Set.of()),
            new Move(CLOSED, REOPENED, Permission.VERIFY_DEFECTS, false, Set.of()),
            new Move(NEW, CLOSED, Permission.VERIFY_DEFECTS, false, Set.of(Need.RESOLUTION)),
            new Move(ASSIGNED, CLOSED, Permission.VERIFY_DEFECTS, false, Set.of(Need.RESOLUTION)),
            new Move(IN_PROGRESS, CLOSED, Permission.VERIFY_DEFECTS, false, Set.of(Need.RESOLUTION)),
            new Move(REOPENED, CLOSED, Permission.VERIFY_DEFECTS, false, Set.of(Need.RESOLUTION)));

    private Workflow() {
    }

    /** Every move out of {@code status}, whoever makes it. */
    public static List<Move> from(DefectStatus status) {
        return MOVES.stream().filter(m -> m.from() == status).toList();
    }

    /** The moves this caller may make now. */
    public static List<Move> allowed(DefectStatus status, ProjectRole role, boolean isAssignee) {
        return from(status).stream().filter(m -> m.mayBeMadeBy(role, isAssignee)).toList();
    }

    /**
     * The move from {@code status} to {@code to} for this caller: a move that does not exist is a
     * conflict naming the moves allowed now; one this caller may not make is forbidden.
     */
    public static Move check(DefectStatus status, DefectStatus to, ProjectRole role, boolean isAssignee) {
        Move move = from(status).stream().filter(m -> m.to() == to).findFirst()
                .orElseThrow(() -> new IllegalTransitionException(status, to,
                        allowed(status, role, isAssignee).stream().map(Move::to).toList()));
        if (!move.mayBeMadeBy(role, isAssignee)) {
            throw new AccessDeniedException(move.assigneeOnly() && move.permission().grantedTo(role)
                    ? "Only the assignee (or a LEAD) may move this defect from " + status + " to " + to + "."
                    : "Your role in this project (" + role + ") may not move a defect from " + status + " to " + to + ".");
        }
        return move;
    }

    /** The move the platform makes by itself (a re-test's outcome): it exists in the table, whoever makes it. */
    public static boolean exists(DefectStatus from, DefectStatus to) {
        return MOVES.stream().anyMatch(m -> m.from() == from && m.to() == to);
    }
}
