package io.testtrack.defect.domain;

/** Why a closed defect is closed: verified as fixed, or one of the reasons to close it without a fix. */
public enum Resolution {
    FIXED, DUPLICATE, CANNOT_REPRODUCE, WONT_FIX, DEFERRED
}
