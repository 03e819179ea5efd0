package io.testtrack.defect.domain;

import io.testtrack.events.defect.DefectStatus;
import java.util.UUID;

/** One move of the workflow as asked for, with what the move may need (see {@link Workflow.Need}). */
public record Transition(DefectStatus to, int version, UUID assigneeId, Resolution resolution, UUID duplicateOf, Fix fix,
        String comment) {

    /** A fix note: root cause, summary, commit or PR link. */
    public record Fix(String rootCause, String summary, String link) {
    }
}
