package io.testtrack.defect.domain;

/** How often the reporter saw the defect happen. */
public enum Reproducibility {
    ALWAYS, SOMETIMES, RARELY, UNABLE
}
