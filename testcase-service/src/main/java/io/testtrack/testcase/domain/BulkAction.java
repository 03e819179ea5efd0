package io.testtrack.testcase.domain;

/** What one bulk request does to every case it names. */
public enum BulkAction {
    UPDATE, DELETE, RESTORE
}
