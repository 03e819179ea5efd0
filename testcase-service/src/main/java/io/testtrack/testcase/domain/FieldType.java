package io.testtrack.testcase.domain;

/** The kinds of value a custom field holds. */
public enum FieldType {
    TEXT, NUMBER, SELECT, MULTI_SELECT, CHECKBOX
}
