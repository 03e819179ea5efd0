package io.testtrack.platform.fields;

/** The kinds of value a custom field holds (of test cases and of defects alike). */
public enum FieldType {
    TEXT, NUMBER, SELECT, MULTI_SELECT, CHECKBOX
}
