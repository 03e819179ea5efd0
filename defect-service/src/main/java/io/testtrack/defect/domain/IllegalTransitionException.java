package io.testtrack.defect.domain;

import io.testtrack.events.defect.DefectStatus;
import io.testtrack.platform.error.DomainException;
import java.util.List;
import java.util.Map;

/** A move the workflow does not have from the defect's status: 409, naming the moves the caller may make now. */
public class IllegalTransitionException extends DomainException {

    private final List<DefectStatus> allowed;

    public IllegalTransitionException(DefectStatus from, DefectStatus to, List<DefectStatus> allowed) {
        super(409, "illegal-transition", "Illegal transition", "A defect cannot move from " + from + " to " + to + "; "
                + (allowed.isEmpty() ? "you may make no move from " + from + "." : "allowed now: " + allowed + "."));
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("allowed", allowed);
    }
}
