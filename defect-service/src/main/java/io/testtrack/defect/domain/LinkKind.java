package io.testtrack.defect.domain;

/** How two defects are linked. */
public enum LinkKind {
    RELATED, BLOCKS
}
