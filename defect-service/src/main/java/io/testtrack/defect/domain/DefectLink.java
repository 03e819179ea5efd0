package io.testtrack.defect.domain;

import java.util.UUID;

/** A link as seen from one defect: outgoing (this defect → target) or incoming. */
public record DefectLink(UUID defectId, UUID targetId, String targetKey, LinkKind kind, boolean outgoing) {
}
